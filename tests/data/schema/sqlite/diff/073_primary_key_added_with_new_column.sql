-- @before
CREATE TABLE t (a TEXT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT);
-- @expect
-- Detected added column 't.id'
-- Detected added primary key '(id)' on 't'

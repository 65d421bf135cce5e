-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, age INTEGER);
-- @expect
-- Detected added column 't.age'
-- ! Detected removed column 't.name'

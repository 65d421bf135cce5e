-- @rename t.name=full_name
-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, full_name TEXT);
-- @expect
-- Detected renamed column 't.name' to 't.full_name'

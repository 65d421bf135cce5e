-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, age INT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, age INTEGER);
-- @expect

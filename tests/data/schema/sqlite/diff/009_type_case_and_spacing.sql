-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, name varchar ( 20 ));
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20));
-- @expect

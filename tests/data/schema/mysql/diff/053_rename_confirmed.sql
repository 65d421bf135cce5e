-- @rename t.name=full_name
-- @before
CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));
-- @after
CREATE TABLE t (id INT PRIMARY KEY, full_name VARCHAR(20));
-- @expect
-- Detected renamed column 't.name' to 't.full_name'

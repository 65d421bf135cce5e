-- @before
CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));
-- @after
CREATE TABLE t (id INT PRIMARY KEY, full_name VARCHAR(20));
-- @expect
-- Detected added column 't.full_name'
-- ! Detected removed column 't.name'
-- @candidates
-- Possible rename of column 't.name' to 't.full_name'

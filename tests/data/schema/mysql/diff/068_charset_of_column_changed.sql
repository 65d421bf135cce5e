-- @before
CREATE TABLE t (name VARCHAR(10)) DEFAULT CHARSET=latin1;
-- @after
CREATE TABLE t (name VARCHAR(10) CHARACTER SET utf8mb4) DEFAULT CHARSET=latin1;
-- @expect
-- Detected collation change from default to utf8mb4_general_ci on 't.name'

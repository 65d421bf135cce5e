-- @before
CREATE TABLE t (name VARCHAR(50));
-- @after
CREATE TABLE t (name VARCHAR(20));
-- @expect
-- ! Detected type change from VARCHAR(50) to VARCHAR(20) on 't.name'

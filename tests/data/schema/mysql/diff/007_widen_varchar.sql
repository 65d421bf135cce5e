-- @before
CREATE TABLE t (name VARCHAR(20));
-- @after
CREATE TABLE t (name VARCHAR(50));
-- @expect
-- Detected type change from VARCHAR(20) to VARCHAR(50) on 't.name'

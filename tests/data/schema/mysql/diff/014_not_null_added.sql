-- @before
CREATE TABLE t (name VARCHAR(10));
-- @after
CREATE TABLE t (name VARCHAR(10) NOT NULL);
-- @expect
-- Detected NOT NULL on column 't.name'

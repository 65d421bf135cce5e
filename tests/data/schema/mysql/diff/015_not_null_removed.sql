-- @before
CREATE TABLE t (name VARCHAR(10) NOT NULL);
-- @after
CREATE TABLE t (name VARCHAR(10));
-- @expect
-- Detected NULL on column 't.name'

-- @before
CREATE TABLE t (a VARCHAR(10) DEFAULT NULL);
-- @after
CREATE TABLE t (a VARCHAR(10) DEFAULT 'NULL');
-- @expect
-- Detected server default on column 't.a'

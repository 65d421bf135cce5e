-- @before
CREATE TABLE t (status VARCHAR(10));
-- @after
CREATE TABLE t (status VARCHAR(10) DEFAULT 'new');
-- @expect
-- Detected server default on column 't.status'

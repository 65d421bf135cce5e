-- @before
CREATE TABLE t (status VARCHAR(10) NOT NULL DEFAULT 'new');
-- @after
CREATE TABLE t (status VARCHAR(10) NOT NULL);
-- @expect
-- Detected removed server default on column 't.status'

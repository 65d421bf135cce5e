-- @before
CREATE TABLE t (s VARCHAR(20));
-- @after
CREATE TABLE t (s TEXT);
-- @expect
-- Detected type change from VARCHAR(20) to TEXT on 't.s'

-- @before
CREATE TABLE t (a INTEGER);
-- @after
CREATE TABLE t (a INTEGER CHECK (a > 0));
-- @expect
-- Detected added check constraint (a > 0) on 't'

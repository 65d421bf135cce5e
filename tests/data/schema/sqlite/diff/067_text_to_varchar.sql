-- @before
CREATE TABLE t (s TEXT);
-- @after
CREATE TABLE t (s VARCHAR(20));
-- @expect
-- ! Detected type change from TEXT to VARCHAR(20) on 't.s'

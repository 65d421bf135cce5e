-- @before
CREATE TABLE t (a INTEGER);
CREATE INDEX ix_t_a ON t (a);
-- @after

-- @expect
-- ! Detected removed table 't'

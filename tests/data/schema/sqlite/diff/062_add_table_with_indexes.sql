-- @before

-- @after
CREATE TABLE t (a INTEGER, b INTEGER);
CREATE INDEX ix_t_b ON t (b DESC);
CREATE INDEX ix_t_a ON t (a);
-- @expect
-- Detected added table 't'
-- Detected added index 'ix_t_a' on '(a)'
-- Detected added index 'ix_t_b' on '(b DESC)'

-- @before
CREATE TABLE t (a INTEGER, CONSTRAINT uq_t_a UNIQUE (a));
-- @after
CREATE TABLE t (a INTEGER);
-- @expect
-- Detected removed unique constraint 'uq_t_a' on '(a)' of 't'

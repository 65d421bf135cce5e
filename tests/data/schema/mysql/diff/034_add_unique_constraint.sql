-- @before
CREATE TABLE t (a INT, b INT);
-- @after
CREATE TABLE t (a INT, b INT, CONSTRAINT uq_ab UNIQUE (a, b));
-- @expect
-- Detected added unique constraint 'uq_ab' on '(a, b)' of 't'

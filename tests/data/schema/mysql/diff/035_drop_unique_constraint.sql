-- @before
CREATE TABLE t (a INT, b INT, UNIQUE KEY uq_ab (a, b));
-- @after
CREATE TABLE t (a INT, b INT);
-- @expect
-- Detected removed unique constraint 'uq_ab' on '(a, b)' of 't'

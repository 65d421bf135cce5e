-- @before
CREATE TABLE t (a INT, b INT);
-- @after
CREATE TABLE t (a INT, b INT, KEY ix_ab (a, b));
-- @expect
-- Detected added index 'ix_ab' on '(a, b)'

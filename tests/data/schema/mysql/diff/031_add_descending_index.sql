-- @before
CREATE TABLE t (a INT, b INT);
-- @after
CREATE TABLE t (a INT, b INT, KEY ix_desc (a DESC, b));
-- @expect
-- Detected added index 'ix_desc' on '(a DESC, b)'

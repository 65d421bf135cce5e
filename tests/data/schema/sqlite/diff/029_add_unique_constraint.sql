-- @before
CREATE TABLE t (a INTEGER, b INTEGER);
-- @after
CREATE TABLE t (a INTEGER, b INTEGER, UNIQUE (a, b));
-- @expect
-- Detected added unique constraint on '(a, b)' of 't'

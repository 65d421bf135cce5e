-- @before
CREATE TABLE t (a INTEGER, CONSTRAINT uq UNIQUE (a));
-- @after
CREATE TABLE t (a INTEGER, UNIQUE (a));
-- @expect

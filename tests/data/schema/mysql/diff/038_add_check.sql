-- @before
CREATE TABLE t (a INT);
-- @after
CREATE TABLE t (a INT, CONSTRAINT ck_a CHECK (a > 0));
-- @expect
-- Detected added check constraint 'ck_a' on 't'

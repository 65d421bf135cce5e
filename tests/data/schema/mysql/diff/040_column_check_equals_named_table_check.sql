-- @before
CREATE TABLE t (a INT CHECK (a > 0));
-- @after
CREATE TABLE t (a INT, CONSTRAINT a CHECK (a > 0));
-- @expect

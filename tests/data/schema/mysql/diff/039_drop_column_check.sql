-- @before
CREATE TABLE t (a INT CHECK (a > 0));
-- @after
CREATE TABLE t (a INT);
-- @expect
-- Detected removed check constraint 'a' on 't'

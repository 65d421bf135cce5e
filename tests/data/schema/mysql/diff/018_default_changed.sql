-- @before
CREATE TABLE t (n INT DEFAULT 1);
-- @after
CREATE TABLE t (n INT DEFAULT 2);
-- @expect
-- Detected server default on column 't.n'

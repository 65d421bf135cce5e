-- @before
CREATE TABLE t (a INT COMMENT 'old');
-- @after
CREATE TABLE t (a INT COMMENT 'new');
-- @expect
-- Detected column comment 't.a'

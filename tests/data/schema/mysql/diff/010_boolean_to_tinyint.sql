-- @before
CREATE TABLE t (flag BOOL);
-- @after
CREATE TABLE t (flag TINYINT);
-- @expect
-- Detected type change from TINYINT(1) to TINYINT on 't.flag'

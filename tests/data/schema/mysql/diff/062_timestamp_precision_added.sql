-- @before
CREATE TABLE t (at DATETIME);
-- @after
CREATE TABLE t (at DATETIME(6));
-- @expect
-- ! Detected type change from DATETIME to DATETIME(6) on 't.at'

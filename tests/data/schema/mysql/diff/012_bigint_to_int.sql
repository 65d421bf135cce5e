-- @before
CREATE TABLE t (n BIGINT);
-- @after
CREATE TABLE t (n INT);
-- @expect
-- ! Detected type change from BIGINT to INT on 't.n'

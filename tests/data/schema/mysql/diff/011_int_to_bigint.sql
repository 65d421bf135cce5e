-- @before
CREATE TABLE t (n INT);
-- @after
CREATE TABLE t (n BIGINT);
-- @expect
-- Detected type change from INT to BIGINT on 't.n'

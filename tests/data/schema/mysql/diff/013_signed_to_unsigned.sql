-- @before
CREATE TABLE t (n INT);
-- @after
CREATE TABLE t (n INT UNSIGNED);
-- @expect
-- ! Detected type change from INT to INT UNSIGNED on 't.n'

-- @before
CREATE TABLE t (a INT(11), b BIGINT(20) UNSIGNED, c SMALLINT(6));
-- @after
CREATE TABLE t (a INT, b BIGINT UNSIGNED, c SMALLINT(3));
-- @expect

-- @before
CREATE TABLE t (a VARCHAR(10), b INT DEFAULT NULL);
-- @after
CREATE TABLE t (a VARCHAR(10) DEFAULT NULL, b INT);
-- @expect

-- @before
CREATE TABLE t (a INT, b INT);
-- @after
CREATE TABLE t (a INT, b INT);
CREATE VIEW v AS SELECT a FROM t;
-- @expect
-- Detected added view 'v'

-- @before
CREATE TABLE t (a INT, b INT);
CREATE VIEW v AS SELECT a FROM t;
-- @after
CREATE TABLE t (a INT, b INT);
-- @expect
-- Detected removed view 'v'

-- @before
CREATE TABLE t (a INT, b INT);
CREATE VIEW v AS SELECT a FROM t;
-- @after
CREATE TABLE t (a INT, b INT);
CREATE VIEW v AS SELECT a, b FROM t;
-- @expect
-- Detected changed view 'v'

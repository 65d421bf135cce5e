-- @before
-- @after
CREATE TABLE t (a INT);
CREATE VIEW v AS SELECT a FROM t;
-- @expect
-- Detected added table 't'
-- Detected added view 'v'

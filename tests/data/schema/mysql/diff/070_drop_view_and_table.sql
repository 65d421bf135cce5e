-- @before
CREATE TABLE t (a INT);
CREATE VIEW v AS SELECT a FROM t;
-- @after
-- @expect
-- Detected removed view 'v'
-- ! Detected removed table 't'

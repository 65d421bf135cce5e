-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, active INTEGER);
CREATE VIEW v AS SELECT id FROM t WHERE active = 1;
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, active INTEGER);
CREATE VIEW v AS SELECT id FROM t WHERE active = 0;
-- @expect
-- Detected changed view 'v'

-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, active INTEGER);

-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, active INTEGER);
CREATE VIEW v_active AS SELECT id FROM t WHERE active = 1;
-- @expect
-- Detected added view 'v_active'

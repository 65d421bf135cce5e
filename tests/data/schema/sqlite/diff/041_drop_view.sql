-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, active INTEGER);
CREATE VIEW v_active AS SELECT id FROM t WHERE active = 1;
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, active INTEGER);

-- @expect
-- Detected removed view 'v_active'

-- @before

-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY);
CREATE VIEW v AS SELECT id FROM t;
-- @expect
-- Detected added table 't'
-- Detected added view 'v'

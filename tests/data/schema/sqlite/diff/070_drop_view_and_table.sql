-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY);
CREATE VIEW v AS SELECT id FROM t;
-- @after

-- @expect
-- Detected removed view 'v'
-- ! Detected removed table 't'

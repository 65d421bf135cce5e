-- @before
CREATE TABLE p (id INTEGER PRIMARY KEY);
CREATE TABLE t (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id));
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, p_id INTEGER);
-- @expect
-- Detected removed foreign key (p_id)(p.id) on table 't'
-- ! Detected removed table 'p'

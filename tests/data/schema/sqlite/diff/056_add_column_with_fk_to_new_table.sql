-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id));
CREATE TABLE p (id INTEGER PRIMARY KEY);
-- @expect
-- Detected added column 't.p_id'
-- Detected added table 'p'
-- Detected added foreign key (p_id)(p.id) on table 't'

-- @before
CREATE TABLE t (id INT PRIMARY KEY);
-- @after
CREATE TABLE t (id INT PRIMARY KEY, p_id INT, CONSTRAINT fk_t_p FOREIGN KEY (p_id) REFERENCES p (id));
CREATE TABLE p (id INT PRIMARY KEY);
-- @expect
-- Detected added column 't.p_id'
-- Detected added table 'p'
-- Detected added foreign key (p_id)(p.id) on table 't'

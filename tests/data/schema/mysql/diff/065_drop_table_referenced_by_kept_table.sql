-- @before
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE t (id INT PRIMARY KEY, p_id INT, CONSTRAINT fk_t_p FOREIGN KEY (p_id) REFERENCES p (id));
-- @after
CREATE TABLE t (id INT PRIMARY KEY, p_id INT);
-- @expect
-- Detected removed foreign key (p_id)(p.id) on table 't'
-- ! Detected removed table 'p'

-- InnoDB numbers unnamed foreign keys per table (t_ibfk_1, _2, ...); as in 072, the remaining key
-- is renumbered in the models, and pairs by definition: only the removed key is dropped.
-- @before
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE q (id INT PRIMARY KEY);
CREATE TABLE t (p_id INT, q_id INT, FOREIGN KEY (p_id) REFERENCES p (id), FOREIGN KEY (q_id) REFERENCES q (id));
-- @after
CREATE TABLE p (id INT PRIMARY KEY);
CREATE TABLE q (id INT PRIMARY KEY);
CREATE TABLE t (p_id INT, q_id INT, FOREIGN KEY (q_id) REFERENCES q (id));
-- @expect
-- Detected removed foreign key (p_id)(p.id) on table 't'

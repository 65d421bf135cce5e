-- @before
-- @after
CREATE TABLE a (id INT PRIMARY KEY, b_id INT, CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES b (id));
CREATE TABLE b (id INT PRIMARY KEY, a_id INT, CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id));
-- @expect
-- Detected added table 'a'
-- Detected added table 'b'
-- Detected added foreign key (b_id)(b.id) on table 'a'

-- @before
CREATE TABLE parent (id INT PRIMARY KEY);
CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parent (id));
-- @after
-- @expect
-- ! Detected removed table 'child'
-- ! Detected removed table 'parent'

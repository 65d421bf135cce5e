-- @before
-- @after
CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, FOREIGN KEY (parent_id) REFERENCES parent (id));
CREATE TABLE parent (id INT PRIMARY KEY);
-- @expect
-- Detected added table 'parent'
-- Detected added table 'child'

-- @before
CREATE TABLE parent (id INT PRIMARY KEY);
CREATE TABLE child (id INT PRIMARY KEY, parent_id INT);
-- @after
CREATE TABLE parent (id INT PRIMARY KEY);
CREATE TABLE child (id INT PRIMARY KEY, parent_id INT, KEY ix_child_parent (parent_id), CONSTRAINT fk FOREIGN KEY (parent_id) REFERENCES parent (id));
-- @expect
-- Detected added index 'ix_child_parent' on '(parent_id)'
-- Detected added foreign key (parent_id)(parent.id) on table 'child'

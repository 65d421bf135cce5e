-- @before
CREATE TABLE `order` (id INT PRIMARY KEY, parent_id INT);
-- @after
CREATE TABLE `order` (id INT PRIMARY KEY, parent_id INT, CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES `order` (id) ON DELETE SET NULL);
-- @expect
-- Detected added foreign key (parent_id)(order.id) on table 'order'

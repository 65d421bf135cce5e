-- @before
CREATE TABLE `user` (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT 'x', js JSON, KEY ix_name (name));
-- @after
CREATE TABLE `user` (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL DEFAULT 'x', js JSON, KEY ix_name (name));
-- @expect

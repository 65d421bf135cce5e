-- @before
CREATE TABLE `user` (id INT PRIMARY KEY, name VARCHAR(50));
CREATE INDEX ix_user_name ON `user` (name);
-- @after
CREATE TABLE `user` (id INT PRIMARY KEY, name VARCHAR(50));
-- @expect
-- Detected removed index 'ix_user_name' on 'user'

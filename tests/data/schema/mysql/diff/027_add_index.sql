-- @before
CREATE TABLE `user` (id INT PRIMARY KEY, name VARCHAR(50));
-- @after
CREATE TABLE `user` (id INT PRIMARY KEY, name VARCHAR(50), KEY ix_user_name (name));
-- @expect
-- Detected added index 'ix_user_name' on '(name)'

-- @before
CREATE TABLE `user` (id INT PRIMARY KEY, name VARCHAR(50));
-- @after
CREATE TABLE `user` (id INT PRIMARY KEY, name VARCHAR(50), age INT);
-- @expect
-- Detected added column 'user.age'

-- @before
CREATE TABLE `user` (id INT PRIMARY KEY, name VARCHAR(50), age INT);
-- @after
CREATE TABLE `user` (id INT PRIMARY KEY, name VARCHAR(50));
-- @expect
-- ! Detected removed column 'user.age'

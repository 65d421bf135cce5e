-- @before
CREATE TABLE a (id INT PRIMARY KEY);
CREATE TABLE b (id INT PRIMARY KEY);
-- @after
CREATE TABLE a (id INT PRIMARY KEY);
-- @expect
-- ! Detected removed table 'b'

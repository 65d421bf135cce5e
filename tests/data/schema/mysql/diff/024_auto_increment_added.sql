-- @before
CREATE TABLE t (id INT NOT NULL PRIMARY KEY, x INT);
-- @after
CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, x INT);
-- @expect
-- Detected identity change from none to autoincrement on 't.id'

-- @before
CREATE TABLE t (id INT PRIMARY KEY);
-- @after
CREATE TABLE t (id INT PRIMARY KEY, settings JSON);
-- @expect
-- Detected added column 't.settings'

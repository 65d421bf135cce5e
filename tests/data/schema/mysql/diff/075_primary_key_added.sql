-- @before
CREATE TABLE t (a INT NOT NULL, b INT);
-- @after
CREATE TABLE t (a INT NOT NULL, b INT, PRIMARY KEY (a));
-- @expect
-- Detected added primary key '(a)' on 't'

-- @before
CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a));
-- @after
CREATE TABLE t (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b));
-- @expect
-- Detected changed primary key from '(a)' to '(a, b)' on 't'

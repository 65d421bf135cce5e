-- @before
CREATE TABLE t (s ENUM('a', 'b'));
-- @after
CREATE TABLE t (s ENUM('a', 'b', 'c'));
-- @expect
-- ! Detected type change from ENUM('a','b') to ENUM('a','b','c') on 't.s'

-- @before
CREATE TABLE t2 (a INTEGER);
CREATE TABLE t1 (a INTEGER);
-- @after
CREATE TABLE t2 (a INTEGER, b TEXT);
CREATE TABLE t1 (a INTEGER, c TEXT);
-- @expect
-- Detected added column 't1.c'
-- Detected added column 't2.b'

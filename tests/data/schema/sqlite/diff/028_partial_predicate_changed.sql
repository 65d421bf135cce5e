-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, active INTEGER, email TEXT);
CREATE INDEX ix ON t (a) WHERE a > 1;
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, active INTEGER, email TEXT);
CREATE INDEX ix ON t (a) WHERE a > 2;
-- @expect
-- Detected removed index 'ix' on 't'
-- Detected added index 'ix' on '(a)'

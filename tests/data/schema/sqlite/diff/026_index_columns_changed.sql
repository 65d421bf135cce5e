-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, active INTEGER, email TEXT);
CREATE INDEX ix ON t (a);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, active INTEGER, email TEXT);
CREATE INDEX ix ON t (a, b);
-- @expect
-- Detected removed index 'ix' on 't'
-- Detected added index 'ix' on '(a, b)'

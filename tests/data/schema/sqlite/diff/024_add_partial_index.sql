-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, active INTEGER, email TEXT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, active INTEGER, email TEXT);
CREATE INDEX ix_active ON t (a) WHERE active = 1;
-- @expect
-- Detected added index 'ix_active' on '(a)'

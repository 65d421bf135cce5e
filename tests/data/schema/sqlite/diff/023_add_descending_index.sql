-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, active INTEGER, email TEXT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, active INTEGER, email TEXT);
CREATE INDEX ix_x ON t (a DESC, b);
-- @expect
-- Detected added index 'ix_x' on '(a DESC, b)'

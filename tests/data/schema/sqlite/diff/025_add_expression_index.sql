-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, active INTEGER, email TEXT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, active INTEGER, email TEXT);
CREATE INDEX ix_lower ON t (lower(email));
-- @expect
-- Detected added index 'ix_lower' on '(lower(email))'

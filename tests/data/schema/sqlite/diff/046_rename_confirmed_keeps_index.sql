-- @rename t.name=full_name
-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);
CREATE INDEX ix_name ON t (name);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, full_name TEXT);
CREATE INDEX ix_name ON t (full_name);
-- @expect
-- Detected renamed column 't.name' to 't.full_name'

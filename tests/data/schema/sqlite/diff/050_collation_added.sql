-- @before
CREATE TABLE t (name TEXT);
-- @after
CREATE TABLE t (name TEXT COLLATE NOCASE);
-- @expect
-- Detected collation change from default to NOCASE on 't.name'

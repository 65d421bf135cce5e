-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, full_name TEXT);
-- @expect
-- Detected added column 't.full_name'
-- ! Detected removed column 't.name'
-- @candidates
-- Possible rename of column 't.name' to 't.full_name'

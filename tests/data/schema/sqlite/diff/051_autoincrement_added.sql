-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT);
-- @expect
-- Detected identity change from none to autoincrement on 't.id'

-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);
-- @expect
-- ! Detected type change from TEXT to INTEGER on 't.n'

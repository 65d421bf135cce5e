-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, n BIGINT);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);
-- @expect
-- ! Detected type change from BIGINT to INTEGER on 't.n'

-- @before
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);
-- @after
CREATE TABLE t (id INTEGER PRIMARY KEY, n BIGINT);
-- @expect
-- Detected type change from INTEGER to BIGINT on 't.n'

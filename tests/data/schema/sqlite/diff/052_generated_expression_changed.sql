-- @before
CREATE TABLE t (a INTEGER, b INTEGER AS (a * 2));
-- @after
CREATE TABLE t (a INTEGER, b INTEGER AS (a * 3));
-- @expect
-- Detected generated column change on 't.b'

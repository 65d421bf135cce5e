-- @before
CREATE TABLE t (a INT, b INT AS (a * 2) VIRTUAL);
-- @after
CREATE TABLE t (a INT, b INT AS (a * 3) VIRTUAL);
-- @expect
-- Detected generated column change on 't.b'

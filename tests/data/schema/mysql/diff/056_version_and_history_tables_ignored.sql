-- @before
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
CREATE TABLE retort_history (id INT PRIMARY KEY);
CREATE TABLE t (a INT);
-- @after
CREATE TABLE t (a INT);
-- @expect

-- @before
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
CREATE TABLE retort_history (id INTEGER PRIMARY KEY);
-- @after

-- @expect

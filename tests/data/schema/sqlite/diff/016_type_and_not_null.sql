-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name VARCHAR(50));
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL);
-- @expect
-- ! Detected type change from VARCHAR(50) to VARCHAR(20) on 'user.name'
-- ! Detected NOT NULL on column 'user.name'

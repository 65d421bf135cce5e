-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name VARCHAR(50));
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name VARCHAR(20));
-- @expect
-- ! Detected type change from VARCHAR(50) to VARCHAR(20) on 'user.name'

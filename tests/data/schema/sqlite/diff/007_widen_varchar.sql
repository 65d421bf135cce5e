-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name VARCHAR(20));
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name VARCHAR(50));
-- @expect
-- Detected type change from VARCHAR(20) to VARCHAR(50) on 'user.name'

-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
-- @expect
-- Detected NOT NULL on column 'user.name'

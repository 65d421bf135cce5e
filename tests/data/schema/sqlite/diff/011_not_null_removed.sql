-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
-- @expect
-- Detected NULL on column 'user.name'

-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
-- @expect

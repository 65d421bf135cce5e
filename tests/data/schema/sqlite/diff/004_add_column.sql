-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT, age INTEGER);
-- @expect
-- Detected added column 'user.age'

-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT);
-- @expect
-- Detected added table 'posts'

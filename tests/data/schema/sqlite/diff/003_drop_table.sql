-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT);
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
-- @expect
-- ! Detected removed table 'posts'

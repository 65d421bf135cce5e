-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT, age INTEGER);
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
-- @expect
-- ! Detected removed column 'user.age'

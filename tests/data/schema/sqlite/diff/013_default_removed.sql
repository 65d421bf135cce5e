-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, status TEXT DEFAULT 'new');
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, status TEXT);
-- @expect
-- Detected removed server default on column 'user.status'

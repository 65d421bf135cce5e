-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, status TEXT);
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, status TEXT DEFAULT 'new');
-- @expect
-- Detected server default on column 'user.status'

-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, status TEXT DEFAULT 'new');
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, status TEXT DEFAULT 'old');
-- @expect
-- Detected server default on column 'user.status'

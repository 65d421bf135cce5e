-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
CREATE INDEX ix_user_name ON "user" (name);
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
-- @expect
-- Detected removed index 'ix_user_name' on 'user'

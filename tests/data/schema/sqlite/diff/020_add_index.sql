-- @before
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
-- @after
CREATE TABLE "user" (id INTEGER PRIMARY KEY, name TEXT);
CREATE INDEX ix_user_name ON "user" (name);
-- @expect
-- Detected added index 'ix_user_name' on '(name)'

-- @before
CREATE TABLE Users (Id INTEGER PRIMARY KEY, Name TEXT);
-- @after
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT);
-- @expect
-- Detected NOT NULL on column 'Users.name'
-- Detected added column 'Users.email'

-- @before
CREATE TABLE Users (Id INTEGER, Name TEXT);
-- @after
CREATE TABLE users (id INTEGER, name TEXT);
-- @expect

-- @before
CREATE TABLE Users (id INT);
-- @after
CREATE TABLE users (id INT);
-- @expect
-- ! Detected removed table 'Users'
-- Detected added table 'users'

-- @before
CREATE TABLE t (email VARCHAR(200));
-- @after
CREATE TABLE t (email VARCHAR(200), UNIQUE KEY ux_email (email(50)));
-- @expect
-- Detected added index 'ux_email' on '(email(50))'

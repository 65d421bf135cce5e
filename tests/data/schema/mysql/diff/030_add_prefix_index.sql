-- @before
CREATE TABLE t (body TEXT);
-- @after
CREATE TABLE t (body TEXT, KEY ix_body (body(20)));
-- @expect
-- Detected added index 'ix_body' on '(body(20))'

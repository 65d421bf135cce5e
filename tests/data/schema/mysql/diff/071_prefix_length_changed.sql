-- @before
CREATE TABLE t (body TEXT, KEY ix_body (body(20)));
-- @after
CREATE TABLE t (body TEXT, KEY ix_body (body(40)));
-- @expect
-- Detected removed index 'ix_body' on 't'
-- Detected added index 'ix_body' on '(body(40))'

-- @before
CREATE TABLE t (a INT, b INT, KEY ix (a));
-- @after
CREATE TABLE t (a INT, b INT, KEY ix (a, b));
-- @expect
-- Detected removed index 'ix' on 't'
-- Detected added index 'ix' on '(a, b)'

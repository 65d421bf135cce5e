-- @before
CREATE TABLE t (a INT, KEY k_a (a));
-- @after
CREATE TABLE t (a INT, UNIQUE KEY k_a (a));
-- @expect
-- Detected removed index 'k_a' on 't'
-- Detected added unique constraint 'k_a' on '(a)' of 't'

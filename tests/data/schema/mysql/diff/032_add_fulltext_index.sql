-- @before
CREATE TABLE t (body TEXT);
-- @after
CREATE TABLE t (body TEXT, FULLTEXT KEY ft_body (body));
-- @expect
-- Detected added index 'ft_body' on '(body)'

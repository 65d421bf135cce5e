-- @before
CREATE TABLE t (body TEXT);
-- @after
CREATE TABLE t (body MEDIUMTEXT);
-- @expect
-- Detected type change from TEXT to MEDIUMTEXT on 't.body'

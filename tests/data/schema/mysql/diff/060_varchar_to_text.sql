-- @before
CREATE TABLE t (body VARCHAR(200));
-- @after
CREATE TABLE t (body TEXT);
-- @expect
-- Detected type change from VARCHAR(200) to TEXT on 't.body'

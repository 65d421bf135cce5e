-- @before
CREATE TABLE t (doc LONGTEXT);
-- @after
CREATE TABLE t (doc JSON);
-- @expect
-- ! Detected type change from LONGTEXT to JSON on 't.doc'

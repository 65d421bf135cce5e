-- @before
CREATE TABLE t (a INTEGER, CONSTRAINT ck CHECK (a > 0));
-- @after
CREATE TABLE t (a INTEGER, CONSTRAINT ck CHECK (a >= 0));
-- @expect
-- Detected removed check constraint 'ck' on 't'
-- Detected added check constraint 'ck' on 't'

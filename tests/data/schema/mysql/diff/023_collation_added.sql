-- @before
CREATE TABLE t (name VARCHAR(10)) DEFAULT CHARSET=latin1;
-- @after
CREATE TABLE t (name VARCHAR(10) COLLATE latin1_bin) DEFAULT CHARSET=latin1;
-- @expect
-- Detected collation change from default to latin1_bin on 't.name'

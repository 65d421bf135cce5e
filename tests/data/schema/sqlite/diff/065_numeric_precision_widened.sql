-- @before
CREATE TABLE t (price NUMERIC(8, 2));
-- @after
CREATE TABLE t (price NUMERIC(12, 2));
-- @expect
-- Detected type change from NUMERIC(8,2) to NUMERIC(12,2) on 't.price'

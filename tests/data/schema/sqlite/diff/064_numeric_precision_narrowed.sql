-- @before
CREATE TABLE t (price NUMERIC(10, 2));
-- @after
CREATE TABLE t (price NUMERIC(8, 2));
-- @expect
-- ! Detected type change from NUMERIC(10,2) to NUMERIC(8,2) on 't.price'

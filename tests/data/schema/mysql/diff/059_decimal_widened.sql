-- @before
CREATE TABLE t (price DECIMAL(8,2));
-- @after
CREATE TABLE t (price DECIMAL(10,2));
-- @expect
-- Detected type change from DECIMAL(8,2) to DECIMAL(10,2) on 't.price'

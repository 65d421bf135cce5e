-- @before
CREATE TABLE t (f SET('a', 'b', 'c'));
-- @after
CREATE TABLE t (f SET('a', 'b'));
-- @expect
-- ! Detected type change from SET('a','b','c') to SET('a','b') on 't.f'

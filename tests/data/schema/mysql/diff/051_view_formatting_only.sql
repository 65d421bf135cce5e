-- @before
CREATE TABLE t (a INT, b INT);
CREATE VIEW v AS SELECT a FROM t WHERE b > 1;
-- @after
CREATE TABLE t (a INT, b INT);
CREATE VIEW v AS
    select   t.a
    from `t`
    where (t.b > 1);
-- @expect

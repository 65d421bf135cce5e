-- MariaDB numbers unnamed checks per table (CONSTRAINT_1, _2, ...); the models' remaining check is
-- renumbered (CONSTRAINT_1 there, CONSTRAINT_2 here). Both names are the database's own, so the
-- checks pair by definition: only the removed one is dropped.
-- @before
CREATE TABLE t (a INT, b INT, CHECK (a > 0), CHECK (b > 0));
-- @after
CREATE TABLE t (a INT, b INT, CHECK (b > 0));
-- @expect
-- Detected removed check constraint 'CONSTRAINT_1' on 't'

-- MariaDB numbers unnamed checks per table (CONSTRAINT_1, _2, ...); the models' remaining check is
-- renumbered, and the differ pairs named constraints by name first, so it drops and re-adds it:
-- noisy, but it converges.
-- @before
CREATE TABLE t (a INT, b INT, CHECK (a > 0), CHECK (b > 0));
-- @after
CREATE TABLE t (a INT, b INT, CHECK (b > 0));
-- @expect
-- Detected removed check constraint 'CONSTRAINT_1' on 't'
-- Detected removed check constraint 'CONSTRAINT_2' on 't'
-- Detected added check constraint 'CONSTRAINT_1' on 't'

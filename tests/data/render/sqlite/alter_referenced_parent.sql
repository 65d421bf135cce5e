-- upgrade

-- op 0 (foreign keys off)
-- note: Other tables refer to parent: the runner switches foreign keys off before this revision's transaction (migrate:foreign-keys-off) and checks them before it commits.
CREATE TABLE _retort_tmp_parent (
    id INTEGER NOT NULL,
    name VARCHAR(100),
    PRIMARY KEY (id)
);

-- op 0 (foreign keys off)
INSERT INTO _retort_tmp_parent (id, name) SELECT id, name FROM parent;

-- op 0 (foreign keys off)
DROP TABLE parent;

-- op 0 (foreign keys off)
PRAGMA legacy_alter_table=ON;

-- op 0 (foreign keys off)
ALTER TABLE _retort_tmp_parent RENAME TO parent;

-- op 0 (foreign keys off)
PRAGMA legacy_alter_table=OFF;

-- op 0 (foreign keys off)
PRAGMA foreign_key_check("parent");

-- downgrade

-- op 0 (foreign keys off)
-- note: Other tables refer to parent: the runner switches foreign keys off before this revision's transaction (migrate:foreign-keys-off) and checks them before it commits.
CREATE TABLE _retort_tmp_parent (
    id INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
);

-- op 0 (foreign keys off)
INSERT INTO _retort_tmp_parent (id, name) SELECT id, name FROM parent;

-- op 0 (foreign keys off)
DROP TABLE parent;

-- op 0 (foreign keys off)
PRAGMA legacy_alter_table=ON;

-- op 0 (foreign keys off)
ALTER TABLE _retort_tmp_parent RENAME TO parent;

-- op 0 (foreign keys off)
PRAGMA legacy_alter_table=OFF;

-- op 0 (foreign keys off)
PRAGMA foreign_key_check("parent");


-- upgrade

-- op 0 (outside transaction)
-- note: Other tables refer to parent: foreign keys are off while it is rebuilt, which SQLite allows only outside a transaction.
PRAGMA foreign_keys=OFF;

-- op 0 (outside transaction)
BEGIN;

-- op 0
CREATE TABLE _retort_tmp_parent (
    id INTEGER NOT NULL,
    name INTEGER NOT NULL,
    PRIMARY KEY (id)
);

-- op 0
INSERT INTO _retort_tmp_parent (id, name) SELECT id, name FROM parent;

-- op 0
DROP TABLE parent;

-- op 0
PRAGMA legacy_alter_table=ON;

-- op 0
ALTER TABLE _retort_tmp_parent RENAME TO parent;

-- op 0
PRAGMA legacy_alter_table=OFF;

-- op 0
PRAGMA foreign_key_check("parent");

-- op 0 (outside transaction)
COMMIT;

-- op 0 (outside transaction)
PRAGMA foreign_keys=ON;

-- downgrade

-- op 0 (outside transaction)
-- note: Other tables refer to parent: foreign keys are off while it is rebuilt, which SQLite allows only outside a transaction.
PRAGMA foreign_keys=OFF;

-- op 0 (outside transaction)
BEGIN;

-- op 0
CREATE TABLE _retort_tmp_parent (
    id INTEGER NOT NULL,
    name VARCHAR(100) NOT NULL,
    PRIMARY KEY (id)
);

-- op 0
INSERT INTO _retort_tmp_parent (id, name) SELECT id, name FROM parent;

-- op 0
DROP TABLE parent;

-- op 0
PRAGMA legacy_alter_table=ON;

-- op 0
ALTER TABLE _retort_tmp_parent RENAME TO parent;

-- op 0
PRAGMA legacy_alter_table=OFF;

-- op 0
PRAGMA foreign_key_check("parent");

-- op 0 (outside transaction)
COMMIT;

-- op 0 (outside transaction)
PRAGMA foreign_keys=ON;


-- upgrade

-- op 0..1
CREATE TABLE _retort_tmp_note (
    id INTEGER NOT NULL,
    child_id INTEGER NOT NULL,
    PRIMARY KEY (id, child_id)
);

-- op 0..1
INSERT INTO _retort_tmp_note (id, child_id) SELECT id, child_id FROM note;

-- op 0..1
DROP TABLE note;

-- op 0..1
PRAGMA legacy_alter_table=ON;

-- op 0..1
ALTER TABLE _retort_tmp_note RENAME TO note;

-- op 0..1
PRAGMA legacy_alter_table=OFF;

-- op 0..1
PRAGMA foreign_key_check("note");

-- downgrade

-- op 0..1
CREATE TABLE _retort_tmp_note (
    id INTEGER NOT NULL,
    child_id INTEGER,
    PRIMARY KEY (id)
);

-- op 0..1
INSERT INTO _retort_tmp_note (id, child_id) SELECT id, child_id FROM note;

-- op 0..1
DROP TABLE note;

-- op 0..1
PRAGMA legacy_alter_table=ON;

-- op 0..1
ALTER TABLE _retort_tmp_note RENAME TO note;

-- op 0..1
PRAGMA legacy_alter_table=OFF;

-- op 0..1
PRAGMA foreign_key_check("note");


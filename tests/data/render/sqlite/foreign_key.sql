-- upgrade

-- op 0
CREATE TABLE _retort_tmp_note (
    id INTEGER NOT NULL,
    child_id INTEGER,
    PRIMARY KEY (id),
    CONSTRAINT fk_note_child FOREIGN KEY (child_id) REFERENCES child (id) ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED
);

-- op 0
INSERT INTO _retort_tmp_note (id, child_id) SELECT id, child_id FROM note;

-- op 0
DROP TABLE note;

-- op 0
PRAGMA legacy_alter_table=ON;

-- op 0
ALTER TABLE _retort_tmp_note RENAME TO note;

-- op 0
PRAGMA legacy_alter_table=OFF;

-- op 0
PRAGMA foreign_key_check("note");

-- downgrade

-- op 0
CREATE TABLE _retort_tmp_note (
    id INTEGER NOT NULL,
    child_id INTEGER,
    PRIMARY KEY (id)
);

-- op 0
INSERT INTO _retort_tmp_note (id, child_id) SELECT id, child_id FROM note;

-- op 0
DROP TABLE note;

-- op 0
PRAGMA legacy_alter_table=ON;

-- op 0
ALTER TABLE _retort_tmp_note RENAME TO note;

-- op 0
PRAGMA legacy_alter_table=OFF;

-- op 0
PRAGMA foreign_key_check("note");


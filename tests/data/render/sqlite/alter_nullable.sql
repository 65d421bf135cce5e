-- upgrade

-- op 0
CREATE TABLE _retort_tmp_child (
    id INTEGER NOT NULL,
    parent_id INTEGER NOT NULL,
    title VARCHAR(200) DEFAULT 'untitled',
    score INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE
);

-- op 0
INSERT INTO _retort_tmp_child (id, parent_id, title, score) SELECT id, parent_id, title, score FROM child;

-- op 0
DROP TABLE child;

-- op 0
PRAGMA legacy_alter_table=ON;

-- op 0
ALTER TABLE _retort_tmp_child RENAME TO child;

-- op 0
PRAGMA legacy_alter_table=OFF;

-- op 0
CREATE INDEX ix_child_title ON child (title);

-- op 0
PRAGMA foreign_key_check("child");

-- downgrade

-- op 0
CREATE TABLE _retort_tmp_child (
    id INTEGER NOT NULL,
    parent_id INTEGER,
    title VARCHAR(200) DEFAULT 'untitled',
    score INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE
);

-- op 0
INSERT INTO _retort_tmp_child (id, parent_id, title, score) SELECT id, parent_id, title, score FROM child;

-- op 0
DROP TABLE child;

-- op 0
PRAGMA legacy_alter_table=ON;

-- op 0
ALTER TABLE _retort_tmp_child RENAME TO child;

-- op 0
PRAGMA legacy_alter_table=OFF;

-- op 0
CREATE INDEX ix_child_title ON child (title);

-- op 0
PRAGMA foreign_key_check("child");


-- upgrade

-- op 0
CREATE TABLE _retort_tmp_counter (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    hits INTEGER NOT NULL DEFAULT 1
);

-- op 0
INSERT INTO _retort_tmp_counter (id, hits) SELECT id, hits FROM counter;

-- op 0
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'counter'), 0)) WHERE name = '_retort_tmp_counter';

-- op 0
DROP TABLE counter;

-- op 0
PRAGMA legacy_alter_table=ON;

-- op 0
ALTER TABLE _retort_tmp_counter RENAME TO counter;

-- op 0
PRAGMA legacy_alter_table=OFF;

-- op 0
PRAGMA foreign_key_check("counter");

-- downgrade

-- op 0
CREATE TABLE _retort_tmp_counter (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    hits INTEGER NOT NULL DEFAULT 0
);

-- op 0
INSERT INTO _retort_tmp_counter (id, hits) SELECT id, hits FROM counter;

-- op 0
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'counter'), 0)) WHERE name = '_retort_tmp_counter';

-- op 0
DROP TABLE counter;

-- op 0
PRAGMA legacy_alter_table=ON;

-- op 0
ALTER TABLE _retort_tmp_counter RENAME TO counter;

-- op 0
PRAGMA legacy_alter_table=OFF;

-- op 0
PRAGMA foreign_key_check("counter");


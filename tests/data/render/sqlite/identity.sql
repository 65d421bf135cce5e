-- upgrade

-- op 0
CREATE TABLE counter (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    hits INTEGER NOT NULL DEFAULT 0
);

-- downgrade

-- op 0
DROP TABLE counter;


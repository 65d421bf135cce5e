-- upgrade

-- op 0
CREATE TABLE box (
    id INTEGER NOT NULL,
    w INTEGER NULL,
    h INTEGER NULL,
    area INTEGER GENERATED ALWAYS AS (w * h) STORED,
    PRIMARY KEY (id)
);

-- downgrade

-- op 0
DROP TABLE box;


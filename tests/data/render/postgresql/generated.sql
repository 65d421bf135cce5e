-- upgrade

-- op 0
CREATE TABLE box (
    id INTEGER NOT NULL,
    w INTEGER,
    h INTEGER,
    area INTEGER GENERATED ALWAYS AS (w * h) STORED,
    CONSTRAINT box_pkey PRIMARY KEY (id)
);

-- downgrade

-- op 0
DROP TABLE box;


-- upgrade

-- op 0
CREATE TABLE counter (
    id INTEGER NOT NULL AUTO_INCREMENT,
    hits INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
);

-- downgrade

-- op 0
DROP TABLE counter;


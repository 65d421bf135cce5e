-- upgrade

-- op 0
DROP TABLE child;

-- downgrade

-- op 0
CREATE TABLE child (
    id INTEGER NOT NULL,
    parent_id INTEGER NULL,
    title VARCHAR(200) NULL DEFAULT 'untitled',
    score INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE
);

-- op 0
CREATE INDEX ix_child_title ON child (title);


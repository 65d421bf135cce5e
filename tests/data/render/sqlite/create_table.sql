-- upgrade

-- op 0
CREATE TABLE item (
    id INTEGER NOT NULL,
    child_id INTEGER,
    label VARCHAR(50) NOT NULL DEFAULT 'none',
    price NUMERIC(10,2),
    PRIMARY KEY (id),
    CONSTRAINT uq_item_label UNIQUE (label),
    CONSTRAINT ck_item_price CHECK (price >= 0),
    CONSTRAINT fk_item_child FOREIGN KEY (child_id) REFERENCES child (id) ON DELETE SET NULL ON UPDATE CASCADE
);

-- op 0
CREATE INDEX ix_item_price ON item (price DESC);

-- downgrade

-- op 0
DROP TABLE item;


-- upgrade

-- op 0
ALTER TABLE child ADD COLUMN other_id INTEGER;

-- op 1
ALTER TABLE child ADD CONSTRAINT fk_child_other FOREIGN KEY (other_id) REFERENCES parent (id);

-- downgrade

-- op 0
ALTER TABLE child DROP CONSTRAINT fk_child_other;

-- op 1
ALTER TABLE child DROP COLUMN other_id;


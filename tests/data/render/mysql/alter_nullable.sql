-- upgrade

-- op 0
ALTER TABLE child MODIFY COLUMN parent_id INTEGER NOT NULL;

-- downgrade

-- op 0
ALTER TABLE child MODIFY COLUMN parent_id INTEGER NULL;


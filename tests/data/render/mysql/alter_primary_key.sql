-- upgrade

-- op 0
ALTER TABLE note MODIFY COLUMN child_id INTEGER NOT NULL;

-- op 1
ALTER TABLE note DROP PRIMARY KEY, ADD PRIMARY KEY (id, child_id);

-- downgrade

-- op 0
ALTER TABLE note DROP PRIMARY KEY, ADD PRIMARY KEY (id);

-- op 1
ALTER TABLE note MODIFY COLUMN child_id INTEGER NULL;


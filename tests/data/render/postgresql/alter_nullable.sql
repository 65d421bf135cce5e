-- upgrade

-- op 0
ALTER TABLE child ALTER COLUMN parent_id SET NOT NULL;

-- downgrade

-- op 0
ALTER TABLE child ALTER COLUMN parent_id DROP NOT NULL;


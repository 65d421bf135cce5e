-- upgrade

-- op 0
ALTER TABLE parent ALTER COLUMN name DROP NOT NULL;

-- downgrade

-- op 0
ALTER TABLE parent ALTER COLUMN name SET NOT NULL;


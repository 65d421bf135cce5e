-- upgrade

-- op 0
ALTER TABLE parent ALTER COLUMN name TYPE VARCHAR(100) COLLATE "C";

-- downgrade

-- op 0
ALTER TABLE parent ALTER COLUMN name TYPE VARCHAR(100);


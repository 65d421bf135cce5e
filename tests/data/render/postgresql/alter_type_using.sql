-- upgrade

-- op 0
ALTER TABLE parent ALTER COLUMN name TYPE INTEGER USING name::INTEGER;

-- downgrade

-- op 0
ALTER TABLE parent ALTER COLUMN name TYPE VARCHAR(100);


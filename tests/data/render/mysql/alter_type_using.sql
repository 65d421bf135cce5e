-- upgrade

-- op 0
ALTER TABLE parent MODIFY COLUMN name INTEGER NOT NULL;

-- downgrade

-- op 0
ALTER TABLE parent MODIFY COLUMN name VARCHAR(100) NOT NULL;


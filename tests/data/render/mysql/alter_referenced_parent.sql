-- upgrade

-- op 0
ALTER TABLE parent MODIFY COLUMN name VARCHAR(100) NULL;

-- downgrade

-- op 0
ALTER TABLE parent MODIFY COLUMN name VARCHAR(100) NOT NULL;


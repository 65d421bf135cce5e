-- upgrade

-- op 0
ALTER TABLE parent MODIFY COLUMN name VARCHAR(100) COLLATE utf8mb4_bin NOT NULL;

-- downgrade

-- op 0
ALTER TABLE parent MODIFY COLUMN name VARCHAR(100) NOT NULL;


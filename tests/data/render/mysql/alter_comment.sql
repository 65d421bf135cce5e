-- upgrade

-- op 0
ALTER TABLE parent MODIFY COLUMN name VARCHAR(100) NOT NULL COMMENT 'the parent''s name';

-- downgrade

-- op 0
ALTER TABLE parent MODIFY COLUMN name VARCHAR(100) NOT NULL;


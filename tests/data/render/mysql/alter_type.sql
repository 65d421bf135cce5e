-- upgrade

-- op 0
ALTER TABLE child MODIFY COLUMN title TEXT NULL DEFAULT 'untitled';

-- downgrade

-- op 0
ALTER TABLE child MODIFY COLUMN title VARCHAR(200) NULL DEFAULT 'untitled';


-- upgrade

-- op 0
ALTER TABLE child RENAME COLUMN title TO heading;

-- op 1
ALTER TABLE child MODIFY COLUMN heading VARCHAR(200) NOT NULL DEFAULT 'untitled';

-- downgrade

-- op 0
ALTER TABLE child MODIFY COLUMN heading VARCHAR(200) NULL DEFAULT 'untitled';

-- op 1
ALTER TABLE child RENAME COLUMN heading TO title;


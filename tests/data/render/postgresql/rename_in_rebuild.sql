-- upgrade

-- op 0
ALTER TABLE child RENAME COLUMN title TO heading;

-- op 1
ALTER TABLE child ALTER COLUMN heading SET NOT NULL;

-- downgrade

-- op 0
ALTER TABLE child ALTER COLUMN heading DROP NOT NULL;

-- op 1
ALTER TABLE child RENAME COLUMN heading TO title;


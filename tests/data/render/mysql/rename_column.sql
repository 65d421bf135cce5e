-- upgrade

-- op 0
ALTER TABLE child RENAME COLUMN title TO heading;

-- downgrade

-- op 0
ALTER TABLE child RENAME COLUMN heading TO title;


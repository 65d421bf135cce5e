-- upgrade

-- op 0
ALTER TABLE child ALTER COLUMN title TYPE TEXT;

-- downgrade

-- op 0
ALTER TABLE child ALTER COLUMN title TYPE VARCHAR(200);


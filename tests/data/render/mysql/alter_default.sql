-- upgrade

-- op 0
ALTER TABLE child ALTER COLUMN score SET DEFAULT 10;

-- op 1
ALTER TABLE child ALTER COLUMN title DROP DEFAULT;

-- downgrade

-- op 0
ALTER TABLE child ALTER COLUMN title SET DEFAULT 'untitled';

-- op 1
ALTER TABLE child ALTER COLUMN score SET DEFAULT 0;


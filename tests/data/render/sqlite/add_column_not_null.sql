-- upgrade

-- op 0
ALTER TABLE child ADD COLUMN rank INTEGER NOT NULL DEFAULT 1;

-- downgrade

-- op 0
ALTER TABLE child DROP COLUMN rank;


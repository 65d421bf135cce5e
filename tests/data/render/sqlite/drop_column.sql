-- upgrade

-- op 0
ALTER TABLE child DROP COLUMN score;

-- downgrade

-- op 0
ALTER TABLE child ADD COLUMN score INTEGER NOT NULL DEFAULT 0;


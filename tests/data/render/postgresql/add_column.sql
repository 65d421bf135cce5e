-- upgrade

-- op 0
ALTER TABLE child ADD COLUMN note TEXT;

-- downgrade

-- op 0
ALTER TABLE child DROP COLUMN note;


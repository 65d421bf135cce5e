-- upgrade

-- op 0
ALTER TABLE child ADD CONSTRAINT ck_child_score CHECK (score >= 0);

-- downgrade

-- op 0
ALTER TABLE child DROP CONSTRAINT ck_child_score;


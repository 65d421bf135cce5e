-- upgrade

-- op 0
ALTER TABLE child DROP INDEX ix_child_title;

-- op 1
ALTER TABLE child MODIFY COLUMN score BIGINT NOT NULL DEFAULT 0;

-- op 2
ALTER TABLE child ADD CONSTRAINT ck_child_score CHECK (score >= 0);

-- op 3
CREATE INDEX ix_child_score ON child (score, id);

-- downgrade

-- op 0
ALTER TABLE child DROP INDEX ix_child_score;

-- op 1
ALTER TABLE child DROP CONSTRAINT ck_child_score;

-- op 2
ALTER TABLE child MODIFY COLUMN score INTEGER NOT NULL DEFAULT 0;

-- op 3
CREATE INDEX ix_child_title ON child (title);


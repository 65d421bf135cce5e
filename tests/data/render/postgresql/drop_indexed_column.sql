-- upgrade

-- op 0
DROP INDEX ix_child_title;

-- op 1
ALTER TABLE child DROP COLUMN title;

-- downgrade

-- op 0
ALTER TABLE child ADD COLUMN title VARCHAR(200) DEFAULT 'untitled';

-- op 1
CREATE INDEX ix_child_title ON child (title);


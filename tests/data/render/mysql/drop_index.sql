-- upgrade

-- op 0
ALTER TABLE child DROP INDEX ix_child_title;

-- downgrade

-- op 0
CREATE INDEX ix_child_title ON child (title);


-- upgrade

-- op 0
ALTER TABLE child ADD CONSTRAINT uq_child_title UNIQUE (title);

-- downgrade

-- op 0
ALTER TABLE child DROP CONSTRAINT uq_child_title;


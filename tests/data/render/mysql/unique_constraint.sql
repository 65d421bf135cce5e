-- upgrade

-- op 0
ALTER TABLE child ADD UNIQUE KEY uq_child_title (title);

-- downgrade

-- op 0
ALTER TABLE child DROP INDEX uq_child_title;


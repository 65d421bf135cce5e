-- upgrade

-- op 0
ALTER TABLE note ADD CONSTRAINT fk_note_child FOREIGN KEY (child_id) REFERENCES child (id) ON DELETE SET NULL ON UPDATE CASCADE;

-- downgrade

-- op 0
ALTER TABLE note DROP FOREIGN KEY fk_note_child;

-- op 0
ALTER TABLE note DROP INDEX fk_note_child;


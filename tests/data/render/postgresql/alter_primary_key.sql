-- upgrade

-- op 0
ALTER TABLE note ALTER COLUMN child_id SET NOT NULL;

-- op 1
ALTER TABLE note DROP CONSTRAINT note_pkey;

-- op 1
ALTER TABLE note ADD CONSTRAINT note_pkey PRIMARY KEY (id, child_id);

-- downgrade

-- op 0
ALTER TABLE note DROP CONSTRAINT note_pkey;

-- op 0
ALTER TABLE note ADD CONSTRAINT note_pkey PRIMARY KEY (id);

-- op 1
ALTER TABLE note ALTER COLUMN child_id DROP NOT NULL;


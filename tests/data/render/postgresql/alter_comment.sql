-- upgrade

-- op 0
COMMENT ON COLUMN parent.name IS 'the parent''s name';

-- downgrade

-- op 0
COMMENT ON COLUMN parent.name IS NULL;


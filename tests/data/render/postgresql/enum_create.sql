-- upgrade

-- op 0
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

-- op 1
ALTER TABLE child ADD COLUMN mood mood DEFAULT 'ok'::mood;

-- downgrade

-- op 0
ALTER TABLE child DROP COLUMN mood;

-- op 1
DROP TYPE mood;


-- upgrade

-- op 0
ALTER TYPE mood RENAME TO _retort_old_mood;

-- op 0
CREATE TYPE mood AS ENUM ('ok', 'happy');

-- op 0
ALTER TABLE child ALTER COLUMN mood DROP DEFAULT;

-- op 0
ALTER TABLE child ALTER COLUMN mood TYPE mood USING mood::text::mood;

-- op 0
ALTER TABLE child ALTER COLUMN mood SET DEFAULT 'ok'::mood;

-- op 0
DROP TYPE _retort_old_mood;

-- downgrade

-- op 0 (outside transaction)
-- note: ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12; from 12 on it can, but the new value cannot be used until the transaction commits.
ALTER TYPE mood ADD VALUE 'sad' BEFORE 'ok';


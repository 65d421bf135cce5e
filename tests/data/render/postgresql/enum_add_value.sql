-- upgrade

-- op 0 (outside transaction)
-- note: ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12; from 12 on it can, but the new value cannot be used until the transaction commits.
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';

-- op 1 (outside transaction)
-- note: ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12; from 12 on it can, but the new value cannot be used until the transaction commits.
ALTER TYPE mood ADD VALUE 'ecstatic';

-- downgrade

-- op 0
ALTER TYPE mood RENAME TO _retort_old_mood;

-- op 0
CREATE TYPE mood AS ENUM ('sad', 'meh', 'ok', 'happy');

-- op 0
DROP TYPE _retort_old_mood;

-- op 1
ALTER TYPE mood RENAME TO _retort_old_mood;

-- op 1
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');

-- op 1
DROP TYPE _retort_old_mood;


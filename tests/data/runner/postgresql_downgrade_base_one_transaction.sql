BEGIN;

-- Running downgrade c3 -> a1

DROP TABLE t_c3;

UPDATE alembic_version SET version_num='a1' WHERE alembic_version.version_num = 'c3';

-- Running downgrade a1 -> 

DROP TABLE t_a1;

DELETE FROM alembic_version WHERE alembic_version.version_num = 'a1';

DROP TABLE alembic_version;

COMMIT;


BEGIN;

-- Running downgrade e5 -> d4

DROP TABLE t_e5;

UPDATE alembic_version SET version_num='d4' WHERE alembic_version.version_num = 'e5';

COMMIT;

BEGIN;

-- Running downgrade d4 -> b2, c3

DROP TABLE t_d4;

INSERT INTO alembic_version (version_num) VALUES ('b2') RETURNING alembic_version.version_num;

UPDATE alembic_version SET version_num='c3' WHERE alembic_version.version_num = 'd4';

COMMIT;


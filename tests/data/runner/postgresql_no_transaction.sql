BEGIN;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> a1

CREATE TABLE t_a1 (id INTEGER PRIMARY KEY, note VARCHAR(20));

INSERT INTO t_a1 (id, note) VALUES (1, 'a1');

INSERT INTO alembic_version (version_num) VALUES ('a1') RETURNING alembic_version.version_num;

COMMIT;

-- Running upgrade a1 -> c3

CREATE INDEX CONCURRENTLY ix_a1 ON t_a1 (id);

UPDATE alembic_version SET version_num='c3' WHERE alembic_version.version_num = 'a1';

BEGIN;

-- Running upgrade a1 -> b2

CREATE TABLE t_b2 (id INTEGER PRIMARY KEY, note VARCHAR(20));

INSERT INTO t_b2 (id, note) VALUES (1, 'b2');

INSERT INTO alembic_version (version_num) VALUES ('b2') RETURNING alembic_version.version_num;

COMMIT;


CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade  -> a1

CREATE TABLE t_a1 (id INTEGER PRIMARY KEY, note VARCHAR(20));

INSERT INTO t_a1 (id, note) VALUES (1, 'a1');

INSERT INTO alembic_version (version_num) VALUES ('a1');

-- Running upgrade a1 -> c3

CREATE TABLE t_c3 (id INTEGER PRIMARY KEY, note VARCHAR(20));

INSERT INTO t_c3 (id, note) VALUES (1, 'c3');

UPDATE alembic_version SET version_num='c3' WHERE alembic_version.version_num = 'a1';

-- Running upgrade a1 -> b2

CREATE TABLE t_b2 (id INTEGER PRIMARY KEY, note VARCHAR(20));

INSERT INTO t_b2 (id, note) VALUES (1, 'b2');

INSERT INTO alembic_version (version_num) VALUES ('b2');

-- Running upgrade b2, c3 -> d4

CREATE TABLE t_d4 (id INTEGER PRIMARY KEY, note VARCHAR(20));

INSERT INTO t_d4 (id, note) VALUES (1, 'd4');

DELETE FROM alembic_version WHERE alembic_version.version_num = 'b2';

UPDATE alembic_version SET version_num='d4' WHERE alembic_version.version_num = 'c3';

-- Running upgrade d4 -> e5

CREATE TABLE t_e5 (id INTEGER PRIMARY KEY, note VARCHAR(20));

INSERT INTO t_e5 (id, note) VALUES (1, 'e5');

UPDATE alembic_version SET version_num='e5' WHERE alembic_version.version_num = 'd4';


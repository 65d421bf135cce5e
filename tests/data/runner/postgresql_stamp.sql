BEGIN;

-- Running stamp_revision  -> c3

INSERT INTO alembic_version (version_num) VALUES ('c3') RETURNING alembic_version.version_num;

COMMIT;


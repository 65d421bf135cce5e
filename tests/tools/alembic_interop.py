#!/usr/bin/python3
"""Runs real Alembic (1.8) on the revision graph shape of RunnerTestKit::branchyGraph.

    alembic_interop.py PROJECT_DIR URL ALEMBIC_ARGS...

Creates an Alembic project in PROJECT_DIR (if it is not there yet) whose revisions do what
tableRevision() does in tests/integration/runnertestkit.h:

    a1 <- b2, a1 <- c3, (b2, c3) <- d4 (merge), d4 <- e5

each upgrade creating t_<id> (id INTEGER PRIMARY KEY, note VARCHAR(20)) with one row and each
downgrade dropping it. Then runs `alembic ALEMBIC_ARGS...` against URL (e.g. `upgrade b2`,
`downgrade -1`, `stamp c3`, `upgrade heads --sql`). Used by tst_runner_servers to check that
Retort continues databases Alembic made, and the other way round, with the same version rows.
"""
import os
import sys

REVISIONS = [
    ("a1", None, "create a"),
    ("b2", "a1", "add b"),
    ("c3", "a1", "add c"),
    ("d4", ("b2", "c3"), "merge"),
    ("e5", "d4", "add e"),
]

ENV_PY = '''
from alembic import context
from sqlalchemy import create_engine

url = context.config.get_main_option("sqlalchemy.url")
if context.is_offline_mode():
    context.configure(url=url, literal_binds=True, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(connection=connection, transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()
'''

SCRIPT = '''"""{message}

Revision ID: {rev}
"""
from alembic import op

revision = {rev!r}
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE t_{rev} (id INTEGER PRIMARY KEY, note VARCHAR(20))")
    op.execute("INSERT INTO t_{rev} (id, note) VALUES (1, '{rev}')")


def downgrade():
    op.execute("DROP TABLE t_{rev}")
'''


def make_project(root):
    versions = os.path.join(root, "versions")
    if os.path.isdir(versions):
        return
    os.makedirs(versions)
    with open(os.path.join(root, "env.py"), "w") as f:
        f.write(ENV_PY)
    with open(os.path.join(root, "alembic.ini"), "w") as f:
        f.write("[alembic]\nscript_location = %s\n" % root)
    for rev, down, message in REVISIONS:
        with open(os.path.join(versions, rev + "_.py"), "w") as f:
            f.write(SCRIPT.format(rev=rev, down=down, message=message))


def main(argv):
    if len(argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    root, url, args = os.path.abspath(argv[1]), argv[2], argv[3:]
    make_project(root)
    from alembic.config import Config
    from alembic import command
    from alembic.config import CommandLine

    cli = CommandLine()
    options = cli.parser.parse_args(args)
    config = Config(os.path.join(root, "alembic.ini"), cmd_opts=options)
    config.set_main_option("sqlalchemy.url", url)
    cli.run_cmd(config, options)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Writes a Retort project (and, with --alembic, the equivalent Alembic project) of N revisions.

Shapes: linear (a chain), or branchy (every ~20 revisions a branch of two revisions that a merge
revision joins again). Each revision creates one table, so upgrade benchmarks run one statement
per revision. Ids are 12 hex digits in file-name order, so both tools see the same order.
"""
import argparse
import os


def revisions(count, shape):
    """Yields (id, parents, message) in creation order."""
    head = None
    n = 0
    while n < count:
        if shape == "branchy" and head is not None and n % 20 == 10 and n + 3 <= count:
            a, b, m = (f"{n + i:012x}" for i in range(3))
            yield a, [head], f"branch a {n}"
            yield b, [head], f"branch b {n + 1}"
            yield m, [a, b], f"merge {n + 2}"
            head = m
            n += 3
            continue
        rev = f"{n:012x}"
        yield rev, [head] if head else [], f"revision {n}"
        head = rev
        n += 1


def write_retort(root, revs):
    versions = os.path.join(root, "migrations", "versions")
    os.makedirs(versions, exist_ok=True)
    with open(os.path.join(root, "retort.ini"), "w") as f:
        f.write("[retort]\nurl = sqlite:///bench.db\n")
    for rev, parents, message in revs:
        table = f"t_{rev}"
        with open(os.path.join(versions, f"{rev}_{message.replace(' ', '_')}.sql"), "w") as f:
            f.write(f"-- {message}\n--\n-- Revision ID: {rev}\n-- Revises: {', '.join(parents)}\n"
                    f"-- Create Date: 2026-11-24 00:00:00.000000\n-- Branch Labels:\n-- Depends On:\n\n"
                    f"-- migrate:upgrade\nCREATE TABLE {table} (id INTEGER PRIMARY KEY);\n\n"
                    f"-- migrate:downgrade\nDROP TABLE {table};\n")


def write_alembic(root, revs):
    versions = os.path.join(root, "migrations", "versions")
    os.makedirs(versions, exist_ok=True)
    with open(os.path.join(root, "alembic.ini"), "w") as f:
        f.write("[alembic]\nscript_location = migrations\nsqlalchemy.url = sqlite:///bench.db\n")
    with open(os.path.join(root, "migrations", "env.py"), "w") as f:
        f.write("""from alembic import context
from sqlalchemy import engine_from_config, pool
config = context.config
if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, transaction_per_migration=True)
        with context.begin_transaction():
            context.run_migrations()
""")
    for rev, parents, message in revs:
        down = "None" if not parents else (repr(parents[0]) if len(parents) == 1 else repr(tuple(parents)))
        with open(os.path.join(versions, f"{rev}_{message.replace(' ', '_')}.py"), "w") as f:
            f.write(f'"""{message}\n\nRevision ID: {rev}\nRevises: {", ".join(parents)}\n"""\n'
                    f"from alembic import op\nrevision = {rev!r}\ndown_revision = {down}\n"
                    f"branch_labels = None\ndepends_on = None\n\n"
                    f"def upgrade():\n    op.execute('CREATE TABLE t_{rev} (id INTEGER PRIMARY KEY)')\n\n"
                    f"def downgrade():\n    op.execute('DROP TABLE t_{rev}')\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("root")
    p.add_argument("count", type=int)
    p.add_argument("--shape", choices=["linear", "branchy"], default="linear")
    p.add_argument("--alembic", action="store_true", help="write an Alembic project instead")
    a = p.parse_args()
    revs = list(revisions(a.count, a.shape))
    (write_alembic if a.alembic else write_retort)(a.root, revs)


if __name__ == "__main__":
    main()

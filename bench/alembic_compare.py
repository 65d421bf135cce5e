#!/usr/bin/env python3
"""Times alembic.autogenerate.compare_metadata on the schema schemabench creates.

usage: alembic_compare.py SQLALCHEMY_URL TABLES  ->  prints "ms" (median of 3) or "crashed: ..."
The metadata describes the same N tables, so the comparison finds (next to) nothing: the cost is
reflection and comparison, as in `alembic check`.
"""
import statistics
import sys
import time

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import (Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, Numeric,
                        String, Table, Text, UniqueConstraint, create_engine)


def metadata_for(n):
    md = MetaData()
    for i in range(n):
        cols = [Column("id", Integer, primary_key=True),
                Column("parent_id", Integer,
                       ForeignKey(f"t{i - 1}.id", name=f"fk_t{i}_parent") if i else None),
                Column("code", String(40), nullable=False), Column("name", String(100)),
                Column("amount", Numeric(10, 2)), Column("created_at", DateTime),
                Column("flag", Boolean), Column("note", Text),
                UniqueConstraint("code", name=f"uq_t{i}_code")]
        cols = [c for c in cols if c is not None]
        Table(f"t{i}", md, *cols, Index(f"ix_t{i}_name", "name"))
    return md


def main():
    url, n = sys.argv[1], int(sys.argv[2])
    md = metadata_for(n)
    engine = create_engine(url)
    times = []
    try:
        for _ in range(3):
            with engine.connect() as conn:
                start = time.perf_counter()
                compare_metadata(MigrationContext.configure(conn), md)
                times.append((time.perf_counter() - start) * 1000)
    except RecursionError as e:
        print(f"crashed: RecursionError ({e})")
        return
    print(int(statistics.median(times)))


if __name__ == "__main__":
    main()

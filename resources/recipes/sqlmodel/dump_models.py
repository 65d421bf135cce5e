#!/usr/bin/env python3
"""Prints the CREATE statements of SQLModel / SQLAlchemy models, for Retort's `schema_command`.

Usage in retort.ini:   schema_command = python3 dump_models.py models
Each argument is a module to import (it defines the tables); the DDL is printed for the engine
that Retort names in RETORT_DIALECT (sqlite, postgresql, mysql), the way metadata.create_all()
would run it. Nothing connects to a database.
"""
import importlib
import os
import sys

from sqlalchemy import MetaData, create_mock_engine

URLS = {"sqlite": "sqlite://", "postgresql": "postgresql://", "mysql": "mysql://"}


def metadata_of(modules):
    try:
        from sqlmodel import SQLModel
        return SQLModel.metadata
    except ImportError:  # plain SQLAlchemy: the first module's Base.metadata or metadata
        module = modules[0]
        base = getattr(module, "Base", None)
        found = getattr(base, "metadata", None) or getattr(module, "metadata", None)
        if not isinstance(found, MetaData):
            sys.exit(f"dump_models.py: {module.__name__} has neither Base.metadata nor metadata")
        return found


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: dump_models.py MODULE...")
    sys.path.insert(0, os.getcwd())
    modules = [importlib.import_module(name) for name in sys.argv[1:]]
    dialect = os.environ.get("RETORT_DIALECT", "sqlite")
    if dialect not in URLS:
        sys.exit(f"dump_models.py: unknown RETORT_DIALECT '{dialect}'")
    engine = None

    def executor(sql, *args, **kwargs):
        print(str(sql.compile(dialect=engine.dialect)).strip() + ";\n")

    engine = create_mock_engine(URLS[dialect], executor)
    metadata_of(modules).create_all(engine, checkfirst=False)


if __name__ == "__main__":
    main()

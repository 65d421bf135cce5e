# Retort's models dumper: prints the CREATE statements of SQLAlchemy / SQLModel models, as
# metadata.create_all() would run them on the target's engine, without connecting anywhere.
# Sent to the project's Python over stdin by a one-line loader (never written to disk); then one
# JSON line: {"models": "sqlalchemy:app.models" | "app.db:Base.metadata", "dialect": "sqlite" |
# "postgresql" | "mysql", "cwd": "/project"}.
# Output: the DDL on stdout. On failure: exit status 3 and one line "retort-models: ..." last on
# stderr, which Retort shows as the error.
import importlib
import json
import os
import sys

URLS = {"sqlite": "sqlite://", "postgresql": "postgresql://", "mysql": "mysql://"}


def fail(message):
    sys.stderr.write("retort-models: " + message + "\n")
    sys.exit(3)


def import_module(name):
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name and (name == e.name or name.startswith(e.name + ".")):
            fail("cannot import %s with %s: no module named '%s' (sys.path: %s)"
                 % (name, sys.executable, e.name, ", ".join(p or "." for p in sys.path)))
        fail("importing %s failed: %s: %s" % (name, type(e).__name__, e))
    except Exception as e:  # the user's module raised: its own words
        fail("importing %s failed: %s: %s" % (name, type(e).__name__, e))


def metadata_of_modules(names):
    from sqlalchemy import MetaData

    modules = [import_module(name) for name in names]
    try:
        from sqlmodel import SQLModel
    except ImportError:
        SQLModel = None
    if SQLModel is not None and SQLModel.metadata.tables:
        return SQLModel.metadata
    for module in modules:
        base = getattr(module, "Base", None)
        for found in (getattr(base, "metadata", None), getattr(module, "metadata", None)):
            if isinstance(found, MetaData) and found.tables:
                return found
    fail("no tables found in %s: neither SQLModel.metadata nor a Base.metadata or metadata "
         "with tables (name the metadata with MODULE:ATTRIBUTE, e.g. app.db:Base.metadata)"
         % ", ".join(names))


def metadata_at(module_name, attribute):
    from sqlalchemy import MetaData

    value = import_module(module_name)
    for part in attribute.split("."):
        if not hasattr(value, part):
            fail("%s has no attribute %s" % (module_name, attribute))
        value = getattr(value, part)
    if not isinstance(value, MetaData):
        fail("%s:%s is a %s, not an SQLAlchemy MetaData"
             % (module_name, attribute, type(value).__name__))
    return value


def main():
    request = json.loads(sys.stdin.readline())
    os.chdir(request["cwd"])
    sys.path.insert(0, request["cwd"])
    try:
        import sqlalchemy  # noqa: F401
        from sqlalchemy import create_mock_engine
    except ImportError:
        fail("SQLAlchemy is not installed in %s" % sys.executable)
    spec = request["models"]
    dialect = request["dialect"]
    if dialect not in URLS:
        fail("unknown dialect '%s'" % dialect)
    kind, _, rest = spec.partition(":")
    if not rest:
        fail("'%s' is not KIND:MODULES or MODULE:ATTRIBUTE" % spec)
    if kind == "sqlalchemy" or kind == "sqlmodel":
        metadata = metadata_of_modules([m.strip() for m in rest.split(",") if m.strip()])
    else:
        metadata = metadata_at(kind, rest)
    engine = None

    def executor(sql, *args, **kwargs):
        sys.stdout.write(str(sql.compile(dialect=engine.dialect)).strip() + ";\n\n")

    engine = create_mock_engine(URLS[dialect], executor)
    metadata.create_all(engine, checkfirst=False)
    sys.stdout.flush()


main()

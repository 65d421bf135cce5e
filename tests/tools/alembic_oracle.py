#!/usr/bin/python3
"""Differential-test oracle: runs real Alembic on a revision graph described in JSON.

Input (stdin or argv[1]):
  {"revisions": [{"id": "a1b2", "parents": [], "labels": [], "depends_on": []}, ...],
   "queries": [{"op": "heads"} | {"op": "realheads"} | {"op": "bases"}
               | {"op": "history", "range": "A:B" or null}
               | {"op": "resolve", "id": "..."}
               | {"op": "labels"}
               | {"op": "upgrade" | "downgrade", "target": "..."}
               | {"op": "stamp", "targets": [...], "purge": false}
               | {"op": "rows"} | {"op": "current"}]}
Revision files are written as NNNNN_<id>.py and listed in sorted order (Retort reads revision
files in sorted file-name order), so the input order is Alembic's map order.

Output: one JSON list, one entry per query: {"ok": true, "value": ...} or
{"ok": false, "error": "message"} (for a failed command also "rows": the rows it left). upgrade/downgrade/stamp give
{"steps": [{"kind", "revision", "from", "to", "rows"}], "rows": [...]}: rows in the order
Alembic reads them back (its next command's current heads); per-step rows sorted.
"""
import io
import json
import logging
import os
import sqlite3
import sys
import tempfile

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.script.base import Script
from alembic.script.revision import RevisionMap
from alembic.util import CommandError

ENV_PY = '''
from sqlalchemy import create_engine
from alembic import context

config = context.config
engine = create_engine(config.get_main_option("sqlalchemy.url"))
with engine.connect() as connection:
    context.configure(connection=connection,
                      on_version_apply=config.attributes["on_version_apply"])
    with context.begin_transaction():
        context.run_migrations()
'''


def write_project(root, revisions):
    versions = os.path.join(root, "versions")
    os.makedirs(versions)
    with open(os.path.join(root, "env.py"), "w") as f:
        f.write(ENV_PY)
    for n, rev in enumerate(revisions):
        parents = rev.get("parents") or []
        down = None if not parents else (parents[0] if len(parents) == 1 else tuple(parents))
        labels = tuple(rev.get("labels") or ()) or None
        deps = tuple(rev.get("depends_on") or ()) or None
        with open(os.path.join(versions, "%05d_%s.py" % (n, rev["id"])), "w") as f:
            f.write('"""m %s"""\n' % rev["id"])
            f.write("revision = %r\ndown_revision = %r\n" % (rev["id"], down))
            f.write("branch_labels = %r\ndepends_on = %r\n" % (labels, deps))
            f.write("def upgrade():\n    pass\n\ndef downgrade():\n    pass\n")


def rows(db):
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("select version_num from alembic_version")]
    except sqlite3.OperationalError:
        return []
    finally:
        con.close()


class StepLog(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.steps = []

    def emit(self, record):
        if record.msg == "Running %s" and record.args:
            step = record.args[0]
            if hasattr(step, "revision"):
                kind, rev = ("upgrade" if step.is_upgrade else "downgrade"), step.revision.revision
            else:
                kind, rev = "stamp", None
            self.steps.append({"kind": kind, "revision": rev,
                               "from": list(step.from_revisions_no_deps),
                               "to": list(step.to_revisions_no_deps)})


def run_query(cfg, db, log, q):
    op = q["op"]
    script = ScriptDirectory.from_config(cfg)
    if op == "heads":
        return list(script.get_heads())
    if op == "realheads":
        return [r.revision for r in script.get_revisions("heads")]
    if op == "bases":
        return list(script.get_bases())
    if op == "labels":
        return {r.revision: sorted(r.branch_labels) for r in script.walk_revisions()}
    if op == "resolve":
        return [r.revision if r is not None else None for r in script.get_revisions(q["id"])]
    if op == "rows":
        return rows(db)
    if op == "current":
        cfg.attributes["on_version_apply"] = lambda **kw: None
        out = io.StringIO()
        cfg.stdout = out
        command.current(cfg)
        return sorted(line.split(" ", 1)[0] for line in out.getvalue().splitlines())
    if op == "history":
        cfg.attributes["on_version_apply"] = lambda **kw: None
        out = io.StringIO()
        cfg.stdout = out
        command.history(cfg, q.get("range"))
        ids = []
        for line in out.getvalue().splitlines():
            rest = line.split(" -> ", 1)[1]
            ids.append(rest.split(" ", 1)[0].rstrip(","))
        return ids
    log.steps = []
    per_step_rows = []
    cfg.attributes["on_version_apply"] = lambda ctx, step, heads, run_args: \
        per_step_rows.append(sorted(heads))
    if op == "upgrade":
        command.upgrade(cfg, q["target"])
    elif op == "downgrade":
        command.downgrade(cfg, q["target"])
    elif op == "stamp":
        command.stamp(cfg, q["targets"], purge=q.get("purge", False))
    else:
        raise ValueError("unknown op " + op)
    for step, after in zip(log.steps, per_step_rows):
        step["rows"] = after
    return {"steps": log.steps, "rows": rows(db)}


def make_deterministic():
    """Where Alembic's order comes from the directory listing or from a Python set, use the
    order Retort promises (README "Revision identifiers"): sorted file names, and depends-on in written order."""
    Script._list_py_dir = classmethod(lambda cls, scriptdir, path: sorted(os.listdir(path)))
    normalize = RevisionMap._normalize_depends_on

    def normalize_in_written_order(self, revisions, map_):
        normalize(self, revisions, map_)
        for rev in revisions:
            kept = set(rev._normalized_resolved_dependencies)
            rev._normalized_resolved_dependencies = tuple(
                d for d in rev._resolved_dependencies if d in kept)

    RevisionMap._normalize_depends_on = normalize_in_written_order


def main():
    spec = json.load(open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin)
    make_deterministic()
    log = StepLog()
    mig_log = logging.getLogger("alembic.runtime.migration")
    mig_log.setLevel(logging.INFO)
    mig_log.addHandler(log)
    mig_log.propagate = False
    results = []
    with tempfile.TemporaryDirectory() as root:
        write_project(root, spec["revisions"])
        db = os.path.join(root, "db.sqlite")
        cfg = Config()
        cfg.set_main_option("script_location", root)
        cfg.set_main_option("sqlalchemy.url", "sqlite:///" + db)
        for q in spec.get("queries", []):
            try:
                results.append({"ok": True, "value": run_query(cfg, db, log, q)})
            except CommandError as e:
                results.append({"ok": False, "error": str(e)})
            except Exception as e:  # Alembic asserts or crashes on some inputs
                results.append({"ok": False, "error": "%s: %s" % (type(e).__name__, e)})
            if not results[-1]["ok"] and q["op"] in ("upgrade", "downgrade", "stamp"):
                # A command that fails half-way may leave rows behind.
                results[-1]["rows"] = rows(db)
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()

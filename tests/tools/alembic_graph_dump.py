#!/usr/bin/python3
"""Differential-test oracle: the revision graph real Alembic builds for an Alembic project.

    alembic_graph_dump.py PATH/TO/alembic.ini

Loads the project with Alembic's own Config and ScriptDirectory (importing every revision
module, as `alembic history` does) and prints one JSON object:
  {"revisions": [{"id", "parents", "labels", "depends_on", "doc", "path"}, ...],
   "heads": [...], "realheads": [...], "bases": [...], "propagated_labels": {id: [...]}}
"parents" and "depends_on" are as written (to_tuple of the module values), "labels" the
module's own branch_labels sorted, "propagated_labels" the labels the revision map gives each
revision (sorted). Lists of ids are sorted: the comparison is about sets, not listing order.
Errors: a line {"error": "..."} and exit 1.
"""
import json
import os
import sys

from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic import util


def main():
    ini = os.path.abspath(sys.argv[1])
    try:
        script = ScriptDirectory.from_config(Config(ini))
        revisions = []
        for rev in script.walk_revisions():
            revisions.append({
                "id": rev.revision,
                "parents": list(util.to_tuple(rev.down_revision, default=())),
                "labels": sorted(rev._orig_branch_labels),
                "depends_on": list(util.to_tuple(rev.dependencies, default=())),
                "doc": rev.doc,
                "path": os.path.realpath(rev.path),
            })
        revisions.sort(key=lambda r: r["id"])
        out = {
            "revisions": revisions,
            "heads": sorted(script.get_heads()),
            "realheads": sorted(r.revision for r in script.get_revisions("heads")),
            "bases": sorted(script.get_bases()),
            "propagated_labels": {r.revision: sorted(r.branch_labels)
                                  for r in script.walk_revisions()},
        }
    except Exception as e:  # an Alembic error is a result too
        json.dump({"error": "%s: %s" % (type(e).__name__, e)}, sys.stdout)
        sys.exit(1)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()

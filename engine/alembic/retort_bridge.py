# Retort's bridge to a project's own Alembic. Runs inside the project's Python (possibly through a
# command prefix such as `docker compose exec -T backend`), so it is sent over stdin by a one-line
# loader and never written to disk. Only Alembic's public API is used; Alembic 1.8 is the floor.
#
# Protocol: after this script, stdin carries one JSON request line, then control lines
# ({"cancel": true}). Output is JSON lines on the original stdout: {"type": "event", ...} any
# number of times, then exactly one {"type": "result", ...} or {"type": "error", ...}.
import json
import os
import sys
import threading
import traceback

# The protocol owns the real stdout. Everything else that writes to fd 1 or sys.stdout (print()
# in env.py or a revision, Alembic's own messages, post-write hooks run as subprocesses) goes to
# stderr, which Retort keeps for its messages.
_PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)
sys.stdout = sys.stderr

_CANCEL = threading.Event()
_STDIN = sys.stdin.buffer


def emit(line_type, **fields):
    fields["type"] = line_type
    _PROTOCOL.write(json.dumps(fields, default=str) + "\n")
    _PROTOCOL.flush()


def watch_control_lines():
    # A closed stdin means Retort is gone: stopping after the current revision is the safe end.
    for line in _STDIN:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if isinstance(message, dict) and message.get("cancel"):
            _CANCEL.set()
    _CANCEL.set()


class UrlFound(Exception):
    """Private: stops env.py as soon as the URL it connects to is known."""

    def __init__(self, url):
        Exception.__init__(self, "url found")
        self.url = url


class Bridge:
    def __init__(self, request):
        from alembic.config import Config

        self.request = request
        self.cancelled = False
        self.applied = []
        self.capture_url = False
        self.directives = None
        self.version_locations = []
        self.script_location = None
        self.output = None
        if request.get("sql"):
            import io

            self.output = io.StringIO()
        self.config = Config(
            file_=request["ini"],
            ini_section=request.get("name") or "alembic",
            output_buffer=self.output,
            stdout=sys.stderr,
            cmd_opts=self.command_options(),
        )
        if request.get("sqlalchemy_url"):
            # --url or RETORT_URL given to Retort: env.py reads it where it reads the ini's.
            self.config.set_main_option(
                "sqlalchemy.url", request["sqlalchemy_url"].replace("%", "%%"))

    def command_options(self):
        # env.py files read config.cmd_opts (x arguments, autogenerate): give them what
        # Alembic's own command line would.
        from argparse import Namespace

        r = self.request
        return Namespace(
            config=r["ini"],
            name=r.get("name") or "alembic",
            x=list(r.get("x") or []),
            raiseerr=False,
            cmd=r["command"],
            autogenerate=bool(r.get("autogenerate") or r["command"] == "compare"),
            sql=bool(r.get("sql")),
            message=r.get("message"),
            rev_id=r.get("rev_id"),
        )

    def script(self):
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(self.config)
        self.script_location = os.path.abspath(script.dir)
        locations = script.version_locations or [os.path.join(script.dir, "versions")]
        self.version_locations = [os.path.abspath(p) for p in locations]
        return script

    # --- hooks into env.py -----------------------------------------------------------------

    def install_hooks(self):
        from alembic.runtime.environment import EnvironmentContext
        from alembic.util import to_tuple
        import inspect

        bridge = self
        original = EnvironmentContext.configure
        signature = inspect.signature(original)

        def configure(context_self, *args, **kw):
            bound = signature.bind(context_self, *args, **kw).arguments
            if bridge.capture_url:
                connection = bound.get("connection")
                url = bound.get("url")
                if connection is not None:
                    url = connection.engine.url
                raise UrlFound(url if url is not None else bound.get("dialect_name"))
            kw = dict(bound.get("kw") or {})
            for name, value in bound.items():
                if name not in ("self", "kw"):
                    kw[name] = value
            kw["on_version_apply"] = to_tuple(kw.get("on_version_apply"), default=()) + (
                bridge.on_version_apply,
            )
            fn = context_self.context_opts.get("fn")
            if fn is not None and not getattr(fn, "_retort_guarded", False):
                context_self.context_opts["fn"] = bridge.guard(fn)
            return original(context_self, **kw)

        EnvironmentContext.configure = configure

    def guard(self, fn):
        # MigrationContext.run_migrations iterates what fn returns and commits each step as it
        # normally would. Stopping the iteration before the next step is therefore a clean
        # cancel, also where DDL commits implicitly (MariaDB): no exception is raised mid-run.
        bridge = self

        def guarded(heads, context):
            steps = list(fn(heads, context))
            if bridge.request["command"] in ("upgrade", "downgrade", "stamp"):
                emit("event", event="plan", steps=len(steps))

            def each():
                for step in steps:
                    if _CANCEL.is_set():
                        bridge.cancelled = True
                        return
                    info = step.info
                    emit("event", event="start", **bridge.describe(info))
                    yield step

            return each()

        guarded._retort_guarded = True
        return guarded

    @staticmethod
    def describe(info):
        revision = info.up_revision
        return {
            "up": bool(info.is_upgrade),
            "stamp": bool(info.is_stamp),
            "revision": info.up_revision_id,
            "from": list(info.source_revision_ids),
            "to": list(info.destination_revision_ids),
            "message": (revision.doc if revision is not None else "") or "",
        }

    def on_version_apply(self, ctx, step, heads, run_args, **kw):
        described = self.describe(step)
        self.applied.append(described)
        emit("event", event="step", **described)

    # --- commands ----------------------------------------------------------------------------

    def run_env(self, fn, **options):
        from alembic.runtime.environment import EnvironmentContext

        script = self.script()
        with EnvironmentContext(self.config, script, fn=fn, **options):
            script.run_env()

    def cmd_current(self):
        found = {}

        def fn(heads, context):
            found["heads"] = list(context.get_current_heads())
            return []

        self.run_env(fn, dont_mutate=True)
        return {"heads": found.get("heads", [])}

    def cmd_url(self):
        from sqlalchemy.engine import Engine

        # env.py usually connects before configure(): capture the engine's URL there, so that
        # the URL is known even when the database is down.
        original_connect = Engine.connect

        def connect(engine, *args, **kw):
            raise UrlFound(engine.url)

        self.capture_url = True
        Engine.connect = connect
        url = None
        try:
            self.run_env(lambda heads, context: [], dont_mutate=True)
        except UrlFound as found:
            url = found.url
        finally:
            Engine.connect = original_connect
            self.capture_url = False
        if url is None:
            return {"url": None, "display": None, "dialect": None}
        if isinstance(url, str) and "://" not in url:
            return {"url": None, "display": None, "dialect": url}
        from sqlalchemy.engine import make_url

        parsed = make_url(str(url)) if isinstance(url, str) else url
        return {
            "url": parsed.render_as_string(hide_password=False),
            "display": parsed.render_as_string(hide_password=True),
            "dialect": parsed.get_backend_name(),
            "driver": parsed.get_driver_name(),
        }

    def cmd_graph(self):
        from alembic.util import to_tuple

        script = self.script()
        revisions = []
        for sc in script.walk_revisions():
            module = sc.module
            revisions.append(
                {
                    "id": sc.revision,
                    "down_revision": list(to_tuple(sc.down_revision, default=())),
                    "branch_labels": sorted(
                        to_tuple(getattr(module, "branch_labels", None), default=())
                    ),
                    "depends_on": list(to_tuple(getattr(module, "depends_on", None), default=())),
                    "doc": sc.doc or "",
                    "path": os.path.abspath(sc.path),
                }
            )
        revisions.reverse()
        return {
            "revisions": revisions,
            "heads": list(script.get_heads()),
            "script_location": self.script_location,
            "version_locations": self.version_locations,
        }

    def run_result(self):
        result = {"applied": self.applied, "cancelled": self.cancelled}
        if self.output is not None:
            result["sql"] = self.output.getvalue()
        return result

    def cmd_upgrade(self):
        from alembic import command

        command.upgrade(self.config, self.request["target"], sql=bool(self.request.get("sql")))
        return self.run_result()

    def cmd_downgrade(self):
        from alembic import command

        command.downgrade(self.config, self.request["target"], sql=bool(self.request.get("sql")))
        return self.run_result()

    def cmd_stamp(self):
        from alembic import command

        command.stamp(
            self.config,
            list(self.request.get("targets") or []),
            sql=bool(self.request.get("sql")),
            purge=bool(self.request.get("purge")),
        )
        return self.run_result()

    def cmd_merge(self):
        from alembic import command

        r = self.request
        sc = command.merge(
            self.config,
            list(r.get("revisions") or []),
            message=r.get("message"),
            branch_label=r.get("branch_label"),
            rev_id=r.get("rev_id"),
        )
        return {"path": os.path.abspath(sc.path) if sc else None,
                "revision": sc.revision if sc else None}

    def cmd_revision(self):
        from alembic import command

        r = self.request
        depends_on = r.get("depends_on")
        if isinstance(depends_on, str):
            depends_on = [depends_on]
        scripts = command.revision(
            self.config,
            message=r.get("message"),
            autogenerate=bool(r.get("autogenerate")),
            head=r.get("head") or "head",
            splice=bool(r.get("splice")),
            branch_label=r.get("branch_label"),
            version_path=r.get("version_path"),
            rev_id=r.get("rev_id"),
            depends_on=depends_on or None,
            process_revision_directives=self.select_operations if r.get("autogenerate") else None,
        )
        if not isinstance(scripts, list):
            scripts = [scripts]
        scripts = [sc for sc in scripts if sc is not None]
        written = []
        for sc in scripts:
            path = os.path.abspath(sc.path)
            written.append(
                {
                    "path": path,
                    "revision": sc.revision,
                    "empty": self.is_empty(sc),
                    "added_imports": add_missing_imports(path),
                }
            )
        return {
            "paths": [w["path"] for w in written],
            "revisions": written,
            "empty": all(w["empty"] for w in written),
        }

    def is_empty(self, sc):
        directives = self.directives or []
        for directive in directives:
            if directive.rev_id == sc.revision:
                return directive.upgrade_ops.is_empty()
        # Not autogenerated: an empty template body is what the user asked for.
        return not self.request.get("autogenerate")

    def select_operations(self, context, revision, directives):
        from alembic.operations import ops

        self.directives = list(directives)
        keep = self.request.get("keep")
        renames = self.request.get("renames") or []
        if keep is not None or renames:
            self.choose(directives, keep, renames)
        if self.request.get("skip_empty") and all(d.upgrade_ops.is_empty() for d in directives):
            # Alembic's documented way not to write a file: no directives left.
            directives[:] = []

    def choose(self, directives, keep, renames):
        for directive in directives:
            flat = flatten(directive.upgrade_ops)
            chosen = set(range(len(flat))) if keep is None else set(int(i) for i in keep)
            replaced = {}
            for pair in renames:
                drop, add = int(pair["drop"]), int(pair["add"])
                replaced[drop] = rename_column(flat, drop, add)
                chosen.discard(add)
                chosen.add(drop)
            directive.upgrade_ops = rebuild(flat, chosen, replaced)
            directive.downgrade_ops = reverse_operations(directive.upgrade_ops)

    def cmd_compare(self):
        from alembic import autogenerate

        script = self.script()
        command_args = dict(message=None, autogenerate=True, sql=False, head="head",
                            splice=False, branch_label=None, version_path=None, rev_id=None,
                            depends_on=None)
        revision_context = autogenerate.RevisionContext(self.config, script, command_args)
        found = {}

        def fn(heads, context):
            current = set(sc.revision for sc in script.get_revisions(heads))
            wanted = set(sc.revision for sc in script.get_revisions("heads"))
            found["current"], found["heads"] = sorted(current), sorted(wanted)
            if current != wanted:
                return []
            revision_context.run_autogenerate(heads, context)
            found["context"] = context
            found["dialect"] = context.dialect.name
            return []

        self.run_env(fn, template_args=revision_context.template_args,
                     revision_context=revision_context)
        result = {"up_to_date": "context" in found, "current": found.get("current", []),
                  "heads": found.get("heads", []), "dialect": found.get("dialect"),
                  "operations": []}
        if "context" not in found:
            return result
        # An env.py hook may have removed the directives (empty autogenerate): nothing to list.
        directives = revision_context.generated_revisions
        flat = flatten(directives[-1].upgrade_ops) if directives else []
        result["operations"] = [describe_operation(i, entry, found["context"])
                                for i, entry in enumerate(flat)]
        result["renames"] = rename_previews(flat, found["context"])
        return result

    def cmd_probe(self):
        return probe()


def probe():
    import platform

    import alembic
    import sqlalchemy

    return {
        "python": sys.executable,
        "python_version": platform.python_version(),
        "alembic_version": alembic.__version__,
        "sqlalchemy_version": sqlalchemy.__version__,
    }


# --- operations as data ----------------------------------------------------------------------

def flatten(upgrade_ops):
    """[(table_ops_or_None, op)]: ops inside ModifyTableOps are listed one by one."""
    from alembic.operations import ops

    flat = []
    for op in upgrade_ops.ops:
        if isinstance(op, ops.ModifyTableOps):
            flat.extend((op, inner) for inner in op.ops)
        else:
            flat.append((None, op))
    return flat


def rebuild(flat, chosen, replaced):
    from alembic.operations import ops

    top = []
    groups = {}
    for index, (group, op) in enumerate(flat):
        if index not in chosen:
            continue
        op = replaced.get(index, op)
        if group is None:
            top.append(op)
            continue
        copy = groups.get(id(group))
        if copy is None:
            copy = ops.ModifyTableOps(group.table_name, [], schema=group.schema)
            groups[id(group)] = copy
            top.append(copy)
        copy.ops.append(op)
    return ops.UpgradeOps(ops=top)


def reverse_operations(upgrade_ops):
    # AlterColumnOp.reverse() forgets a rename; ours knows it.
    from alembic.operations import ops

    def reverse(op):
        if isinstance(op, ops.ModifyTableOps):
            return ops.ModifyTableOps(op.table_name, [reverse(o) for o in reversed(op.ops)],
                                      schema=op.schema)
        if isinstance(op, ops.AlterColumnOp) and op.modify_name:
            return rename_operation()(op.table_name, op.modify_name, schema=op.schema,
                                      modify_name=op.column_name, existing_type=op.existing_type,
                                      existing_nullable=op.existing_nullable)
        return op.reverse()

    return ops.DowngradeOps(ops=[reverse(op) for op in reversed(upgrade_ops.ops)])


_RENAME_OPERATION = []


def rename_operation():
    """An AlterColumnOp that renders its new name: Alembic 1.8's renderer leaves modify_name out
    (it never autogenerates renames), so the rename gets a renderer of its own, registered
    through the public autogenerate.renderers dispatcher. Executing it is AlterColumnOp's."""
    if _RENAME_OPERATION:
        return _RENAME_OPERATION[0]
    from alembic.autogenerate import renderers
    from alembic.operations import ops

    class RenameColumnOp(ops.AlterColumnOp):
        pass

    @renderers.dispatch_for(RenameColumnOp)
    def render(autogen_context, op):
        plain = ops.AlterColumnOp(op.table_name, op.column_name, schema=op.schema,
                                  existing_type=op.existing_type,
                                  existing_nullable=op.existing_nullable)
        text = renderers.dispatch(plain)(autogen_context, plain)
        return text[:-1] + ",\n%snew_column_name=%r)" % (" " * 11, op.modify_name)

    _RENAME_OPERATION.append(RenameColumnOp)
    return RenameColumnOp


def rename_column(flat, drop, add):
    from alembic.operations import ops

    dropped, added = flat[drop][1], flat[add][1]
    if not isinstance(dropped, ops.DropColumnOp) or not isinstance(added, ops.AddColumnOp):
        raise ValueError("rename %d->%d: a rename pairs a drop_column with an add_column"
                         % (drop, add))
    if dropped.table_name != added.table_name:
        raise ValueError("rename %d->%d: both columns must be in the same table" % (drop, add))
    old = dropped.to_column()
    new = added.column
    return rename_operation()(
        dropped.table_name,
        dropped.column_name,
        schema=dropped.schema,
        modify_name=new.name,
        existing_type=old.type,
        existing_nullable=old.nullable,
    )


def rename_previews(flat, context):
    """Every drop_column/add_column pair of one table rendered as the rename that Create
    revision would write for it, so that the GUI previews a pairing without asking again."""
    from alembic.operations import ops

    previews = []
    for drop, (group, dropped) in enumerate(flat):
        if not isinstance(dropped, ops.DropColumnOp):
            continue
        for add, (_, added) in enumerate(flat):
            if not isinstance(added, ops.AddColumnOp) or added.table_name != dropped.table_name \
                    or added.schema != dropped.schema:
                continue
            op = rename_column(flat, drop, add)
            sql, sql_error = offline_sql(op, context.dialect.name)
            previews.append({"drop": drop, "add": add,
                             "python": render_operation(group, op, context),
                             "sql": sql, "sql_error": sql_error})
    return previews


OPERATION_KINDS = {
    "CreateTableOp": "add_table",
    "DropTableOp": "drop_table",
    "AddColumnOp": "add_column",
    "DropColumnOp": "drop_column",
    "AlterColumnOp": "alter_column",
    "CreateIndexOp": "create_index",
    "DropIndexOp": "drop_index",
    "CreatePrimaryKeyOp": "add_constraint",
    "CreateUniqueConstraintOp": "add_constraint",
    "CreateForeignKeyOp": "add_constraint",
    "CreateCheckConstraintOp": "add_constraint",
    "AddConstraintOp": "add_constraint",
    "DropConstraintOp": "drop_constraint",
    "RenameTableOp": "rename_table",
    "CreateTableCommentOp": "create_table_comment",
    "DropTableCommentOp": "drop_table_comment",
}


def describe_operation(index, entry, context):
    group, op = entry
    name = type(op).__name__
    data = {
        "index": index,
        "kind": OPERATION_KINDS.get(name, name),
        "table": getattr(op, "table_name", None),
        "schema": getattr(op, "schema", None),
        "name": operation_name(op),
    }
    data["destructive"], data["reason"] = destructiveness(op)
    data["python"] = render_operation(group, op, context)
    data["sql"], data["sql_error"] = offline_sql(op, context.dialect.name)
    return data


def operation_name(op):
    for attribute in ("column_name", "index_name", "constraint_name"):
        value = getattr(op, attribute, None)
        if value is not None:
            return str(value)
    column = getattr(op, "column", None)
    if column is not None:
        return column.name
    return None


def destructiveness(op):
    """(bool, reason). Only what loses stored data counts: dropping a table or a column, or a
    type change that can no longer hold every value. Dropping an index or a constraint loses
    nothing that cannot be rebuilt from the data, so it is not flagged."""
    from alembic.operations import ops

    if isinstance(op, ops.DropTableOp):
        return True, "drops the table and its rows"
    if isinstance(op, ops.DropColumnOp):
        return True, "drops the column and its values"
    if isinstance(op, ops.AlterColumnOp) and op.modify_type is not None:
        narrower = type_narrowing(op.existing_type, op.modify_type)
        if narrower:
            return True, narrower
    return False, None


def type_narrowing(old, new):
    if old is None or new is None:
        return None
    old_length = getattr(old, "length", None)
    new_length = getattr(new, "length", None)
    if new_length is not None and (old_length is None or new_length < old_length):
        return "narrows the type from %s to %s" % (old, new)
    old_precision = getattr(old, "precision", None)
    new_precision = getattr(new, "precision", None)
    if isinstance(old_precision, int) and isinstance(new_precision, int) \
            and new_precision < old_precision:
        return "narrows the type from %s to %s" % (old, new)
    old_affinity = getattr(old, "_type_affinity", None)
    new_affinity = getattr(new, "_type_affinity", None)
    if old_affinity is not None and new_affinity is not None and old_affinity is not new_affinity:
        return "changes the type from %s to %s" % (old, new)
    return None


def render_operation(group, op, context):
    from alembic import autogenerate
    from alembic.operations import ops
    from alembic.runtime.migration import MigrationContext

    if group is not None:
        op = ops.ModifyTableOps(group.table_name, [op], schema=group.schema)
    opts = context.opts
    # A context without env.py's script, on the same dialect: render_python_code builds its own
    # autogenerate context, which would otherwise insist on target_metadata in its options.
    rendering = MigrationContext.configure(dialect=context.dialect)
    text = autogenerate.render_python_code(
        ops.UpgradeOps(ops=[op]),
        sqlalchemy_module_prefix=opts.get("sqlalchemy_module_prefix", "sa."),
        alembic_module_prefix=opts.get("alembic_module_prefix", "op."),
        render_as_batch=bool(opts.get("render_as_batch")),
        render_item=user_type_renderer(opts),
        migration_context=rendering,
    )
    # Without Alembic's "# ### commands ..." markers and the function body's indent.
    lines = [line[4:] if line.startswith("    ") else line for line in text.splitlines()
             if not line.strip().startswith("# ###")]
    return "\n".join(lines).strip()


def user_type_renderer(opts):
    """render_python_code (1.8) gives its autogenerate context no user_module_prefix, so a type
    from outside SQLAlchemy (SQLModel's AutoString) fails with KeyError. Render such types as
    Alembic's default does, after env.py's own render_item."""
    user_render = opts.get("render_item")
    prefix = opts.get("user_module_prefix")

    def render(kind, obj, autogen_context):
        if user_render is not None:
            rendered = user_render(kind, obj, autogen_context)
            if rendered is not False:
                return rendered
        module = type(obj).__module__
        if kind == "type" and not module.startswith("sqlalchemy."):
            return "%s%r" % (prefix if prefix is not None else module + ".", obj)
        return False

    return render


def offline_sql(op, dialect_name):
    import io

    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    buffer = io.StringIO()
    try:
        context = MigrationContext.configure(
            dialect_name=dialect_name,
            opts={"as_sql": True, "output_buffer": buffer, "literal_binds": True},
        )
        Operations(context).invoke(op)
    except Exception as e:  # noqa: BLE001 - a reason to show, not a failure of the run
        return None, last_line(e)
    return buffer.getvalue().strip(), None


def add_missing_imports(path):
    """SQLModel's types render as sqlmodel.sql.sqltypes.AutoString, but Alembic's template does
    not import sqlmodel: the file would fail on its first run. Add the import after the last
    top-level import of the header."""
    import re

    with open(path, encoding="utf-8") as f:
        text = f.read()
    if "sqlmodel.sql.sqltypes" not in text or re.search(r"^import sqlmodel\b", text, re.M):
        return []
    lines = text.splitlines(keepends=True)
    last_import = None
    for i, line in enumerate(lines):
        if line.startswith(("import ", "from ")):
            last_import = i
        elif line.startswith(("def ", "class ")):
            break
    at = 0 if last_import is None else last_import + 1
    lines.insert(at, "import sqlmodel\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(lines))
    return ["sqlmodel"]


# --- errors ----------------------------------------------------------------------------------

def last_line(exc):
    text = str(exc).strip().splitlines()
    return "%s: %s" % (type(exc).__name__, text[0] if text else "")


def statement_of(exc):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        statement = getattr(exc, "statement", None)
        if isinstance(statement, str):
            return statement
        exc = exc.__cause__ or exc.__context__
    return None


def located_frame(exc, folders):
    """Innermost frame whose file lies in one of `folders`."""
    folders = [os.path.join(os.path.abspath(f), "") for f in folders if f]
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = os.path.abspath(frame.filename)
        if any(path.startswith(f) for f in folders):
            found = (path, frame.lineno)
    return found


def error_fields(exc, bridge):
    from alembic.util import CommandError

    fields = {"detail": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))}
    if isinstance(exc, CommandError):
        fields.update(kind="command_error", message=str(exc).strip())
        return fields
    statement = statement_of(exc)
    fields["kind"] = "database" if statement is not None else "exception"
    fields["message"] = last_line(exc)
    if statement is not None:
        fields["sql"] = statement
    where = None
    if bridge is not None:
        where = located_frame(exc, bridge.version_locations) or located_frame(
            exc, [bridge.script_location])
    if where:
        fields["file"], fields["line"] = where
    return fields


def main():
    request_line = _STDIN.readline()
    try:
        request = json.loads(request_line)
        command = request["command"]
        if command != "probe":
            request["ini"]
    except (ValueError, KeyError, TypeError):
        emit("error", kind="bad_request", message="The bridge received no valid request.")
        return
    threading.Thread(target=watch_control_lines, daemon=True).start()
    if request.get("cwd"):
        os.chdir(request["cwd"])
    try:
        import alembic  # noqa: F401
        import sqlalchemy  # noqa: F401
    except ImportError as e:
        emit("error", kind="missing_alembic", python=sys.executable, message=str(e))
        return
    bridge = None
    try:
        if command == "probe":
            emit("result", **probe())
            return
        bridge = Bridge(request)
        handler = getattr(bridge, "cmd_" + command, None)
        if handler is None:
            emit("error", kind="bad_request", message="Unknown bridge command %r." % command)
            return
        bridge.script()  # knows the version locations before anything can fail in them
        bridge.install_hooks()
        emit("result", **handler())
    except BaseException as e:  # noqa: BLE001 - every failure becomes one protocol line
        emit("error", **error_fields(e, bridge))


def finish():
    # Exit without interpreter finalization: the control-line thread may hold stdin's lock, and
    # Python 3.11 aborts at shutdown when a daemon thread does. Everything is flushed first.
    import logging

    logging.shutdown()
    for stream in (_PROTOCOL, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(0)


try:
    main()
finally:
    finish()

// Verbs that compare the models with the database (README "Autogenerate").
#include "commands.h"

#include <engine/diff/operation.h>
#include <engine/schema/schematext.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

namespace {

const QCommandLineOption &jsonOption = CliOptions::json;
const QCommandLineOption &renameOption = CliOptions::rename;

Result<QList<Ops::ColumnRename>> renames(const QStringList &specs)
{
    QList<Ops::ColumnRename> out;
    for (const QString &spec : specs) {
        const Result<Ops::ColumnRename> r = Ops::ColumnRename::parse(spec);
        if (!r)
            return r.error();
        out << *r;
    }
    return out;
}

// Why `check` fails, one sentence each; empty when it passes.
QStringList checkProblems(const SchemaComparison &comparison, qsizetype changeCount)
{
    const DatabaseState &state = comparison.state;
    QStringList out;
    if (!state.unknown.isEmpty())
        out << u"The database is at %1, which no file in versions/ has."_s.arg(
            state.unknown.join(u", "_s));
    else if (!comparison.atHead)
        out << u"The database is not at head: it is at %1; run 'retort upgrade heads'."_s.arg(
            state.heads.isEmpty() ? u"base"_s : state.heads.join(u", "_s));
    if (changeCount > 0)
        out << u"The models and the database differ (%1 %2)."_s.arg(changeCount).arg(
            changeCount == 1 ? u"operation"_s : u"operations"_s);
    if (!state.editedAfterApplied.isEmpty())
        out << u"Applied revisions were edited since: %1."_s.arg(
            state.editedAfterApplied.join(u", "_s));
    return out;
}

QJsonArray statementsJson(const RenderedStatementList &statements)
{
    QJsonArray array;
    for (const RenderedStatement &s : statements)
        array << QJsonObject{{u"sql"_s, s.sql}, {u"note"_s, s.note}};
    return array;
}

// `diff --json` (README "JSON output").
QJsonObject diffJson(const Workspace &ws, const SchemaComparison &comparison)
{
    return QJsonObject{{u"url"_s, ws.databaseUrl()->toDisplayString()},
                       {u"changes"_s, QJsonArray::fromStringList(comparison.diff.describe())},
                       {u"upgrade"_s, statementsJson(comparison.upgrade)},
                       {u"downgrade"_s, statementsJson(comparison.downgrade)}};
}

// `alembic check` (Alembic 1.9 and later; 1.8 has none) through the project's own Alembic.
int checkAlembic(CliContext &c, const Workspace &ws)
{
    const Result<AlembicComparison> comparison = ws.compareAlembic();
    if (!comparison)
        return c.fail(comparison.error());
    if (!comparison->upToDate) {
        const QString at = comparison->current.isEmpty() ? u"base"_s
                                                         : comparison->current.join(u", "_s);
        return c.fail(Error(Error::Kind::Graph,
                            u"Target database is not up to date: it is at %1, the head is %2; "
                            "run 'retort upgrade heads' first."_s
                                .arg(at, comparison->heads.join(u", "_s))));
    }
    if (comparison->operations.isEmpty()) {
        c.out << "No new upgrade operations detected.\n";
        return 0;
    }
    for (const QString &line : comparison->describe())
        c.out << line << '\n';
    return c.fail(Error(Error::Kind::Database,
                        u"New upgrade operations detected (%1)."_s.arg(
                            comparison->operations.size())));
}

} // namespace

int runInspect(CliContext &c)
{
    QCommandLineParser p;
    const QCommandLineOption &models = CliOptions::models;
    if (!c.parse(p, u"Print the database's (or the models') schema as Retort sees it."_s))
        return c.exitCode();
    const Result<Workspace> ws = c.workspace();
    if (!ws)
        return c.fail(ws.error());
    const Result<Schema::Database> schema = p.isSet(models) ? ws->inspectModels() : ws->inspectDatabase();
    if (!schema)
        return c.fail(schema.error());
    if (p.isSet(jsonOption))
        c.out << QJsonDocument(schema->toJson()).toJson(QJsonDocument::Indented);
    else
        c.out << Schema::SchemaText::format(*schema);
    return 0;
}

int runCheck(CliContext &c)
{
    QCommandLineParser p;
    if (!c.parse(p, u"Exit 1 when the models and the database differ, the database is not at "
                    "head, or an applied revision was edited; with --single-head, when the "
                    "revision graph has more than one head. For CI."_s))
        return c.exitCode();
    if (p.isSet(CliOptions::singleHead))
        return runSingleHeadCheck(c, p.isSet(jsonOption));
    const Result<Workspace> ws = c.workspace();
    if (!ws)
        return c.fail(ws.error());
    if (ws->comparesWithAlembic())
        return checkAlembic(c, *ws);
    const Result<SchemaComparison> comparison = ws->compare();
    if (!comparison)
        return c.fail(comparison.error());
    const DatabaseState *state = &comparison->state;
    const QStringList changes = comparison->diff.describe();
    const QStringList problems = checkProblems(*comparison, changes.size());
    if (p.isSet(jsonOption)) {
        c.out << QJsonDocument(QJsonObject{{u"clean"_s, problems.isEmpty()},
                                           {u"problems"_s, QJsonArray::fromStringList(problems)},
                                           {u"url"_s, ws->databaseUrl()->toDisplayString()},
                                           {u"at_head"_s, comparison->atHead},
                                           {u"unknown"_s, QJsonArray::fromStringList(state->unknown)},
                                           {u"changes"_s, QJsonArray::fromStringList(changes)},
                                           {u"edited_after_applied"_s,
                                            QJsonArray::fromStringList(state->editedAfterApplied)}})
                     .toJson(QJsonDocument::Indented);
        return problems.isEmpty() ? 0 : 1;
    }
    for (const QString &line : changes)
        c.out << line << '\n';
    for (const QString &id : state->editedAfterApplied)
        c.out << "Revision " << id << " was edited after it was applied\n";
    if (problems.isEmpty()) {
        c.out << "No new upgrade operations detected.\n";
        return 0;
    }
    return c.fail(Error(Error::Kind::Database, problems.join(u' ')));
}

int runDiff(CliContext &c)
{
    QCommandLineParser p;
    if (!c.parse(p, u"Print the upgrade SQL that autogenerate would write, without writing it."_s))
        return c.exitCode();
    const Result<Workspace> ws = c.workspace();
    const Result<QList<Ops::ColumnRename>> r = renames(p.values(renameOption));
    if (!ws || !r)
        return c.fail(!ws ? ws.error() : r.error());
    const Result<SchemaComparison> comparison = ws->compare(*r);
    if (!comparison)
        return c.fail(comparison.error());
    if (p.isSet(jsonOption)) {
        c.out << QJsonDocument(diffJson(*ws, *comparison)).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (comparison->upgrade.isEmpty()) {
        c.out << "No changes in schema detected.\n";
        return 0;
    }
    for (const RenderedStatement &s : comparison->upgrade)
        c.out << (s.note.isEmpty() ? QString() : u"-- "_s + s.note + u'\n') << s.sql << ";\n\n";
    return 0;
}

int runAutogenerate(CliContext &c, const QString &message, const QStringList &renameSpecs,
                    const QString &revId)
{
    const Result<Workspace> ws = c.workspace();
    const Result<QList<Ops::ColumnRename>> r = renames(renameSpecs);
    if (!ws || !r)
        return c.fail(!ws ? ws.error() : r.error());
    const Result<AutogenerateResult> result = ws->autogenerate(message, *r, revId);
    if (!result)
        return c.fail(result.error());
    for (const QString &line : result->changes)
        c.out << line << '\n';
    for (const QString &line : result->warnings)
        c.out << "WARNING: " << line << '\n';
    if (result->path.isEmpty()) {
        c.out << "No changes in schema detected.\n";
        return 0;
    }
    c.out << "Generating " << result->path << " ...  done\n";
    return 0;
}

} // namespace Retort::Cli

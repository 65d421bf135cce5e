// Verbs that read or change the database's version table.
#include "commands.h"
#include "progressprinter.h"

#include <engine/revision/revisionformatter.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

namespace {

const QCommandLineOption &sqlOption = CliOptions::sql;
const QCommandLineOption &verboseOption = CliOptions::verbose;

int printReport(CliContext &c, const Result<RunReport> &report)
{
    if (!report)
        return c.fail(report.error());
    if (report->steps.isEmpty())
        c.out << "Nothing to do: the database is already at "
              << (report->headsAfter.isEmpty() ? u"base"_s : report->headsAfter.join(u", "_s)) << ".\n";
    return 0;
}

int migrate(CliContext &c, bool down)
{
    QCommandLineParser p;
    const QCommandLineOption &noForeignKeyCheck = CliOptions::noForeignKeyCheck;
    const QString what = down ? u"Revert revisions down to TARGET (-N, a revision, base, LABEL@base)."_s
                              : u"Apply revisions up to TARGET (head, heads, a revision, +N, LABEL@head)."_s;
    if (!c.parse(p, what))
        return c.exitCode();
    Result<Workspace> ws = c.workspace();
    if (!ws)
        return c.fail(ws.error());
    ws->setForeignKeyCheck(!p.isSet(noForeignKeyCheck));
    const QString target = CliContext::positional(p).first();
    if (p.isSet(sqlOption)) {
        const Result<QString> sql = down ? ws->downgradeSql(target) : ws->upgradeSql(target);
        if (!sql)
            return c.fail(sql.error());
        c.out << *sql;
        return 0;
    }
    ProgressPrinter printer(c.out, p.isSet(verboseOption));
    return printReport(c, down ? ws->downgrade(target, printer) : ws->upgrade(target, printer));
}

} // namespace

int runUpgrade(CliContext &c)
{
    return migrate(c, false);
}

int runDowngrade(CliContext &c)
{
    return migrate(c, true);
}

int runStamp(CliContext &c)
{
    QCommandLineParser p;
    const QCommandLineOption &purge = CliOptions::purge;
    if (!c.parse(p, u"Set the version table to REV... without running any revision."_s))
        return c.exitCode();
    const Result<Workspace> ws = c.workspace();
    if (!ws)
        return c.fail(ws.error());
    if (p.isSet(sqlOption)) {
        const Result<QString> sql = ws->stampSql(CliContext::positional(p));
        if (!sql)
            return c.fail(sql.error());
        c.out << *sql;
        return 0;
    }
    ProgressPrinter printer(c.out, p.isSet(verboseOption));
    return printReport(c, ws->stamp(CliContext::positional(p), p.isSet(purge), printer));
}

int runCurrent(CliContext &c)
{
    QCommandLineParser p;
    const QCommandLineOption &json = CliOptions::json;
    if (!c.parse(p, u"Show the revisions the database is at."_s))
        return c.exitCode();
    const Result<Workspace> ws = c.workspace();
    if (!ws)
        return c.fail(ws.error());
    // Edited revisions are looked for where they are reported: -v and --json (README "Safety").
    const bool detailed = p.isSet(verboseOption) || p.isSet(json);
    const Result<ProjectState> project = ws->projectState(
        detailed ? DatabaseState::Detail::WithEdits : DatabaseState::Detail::HeadsOnly);
    if (!project)
        return c.fail(project.error());
    if (!project->database)
        return c.fail(project->database.error());
    const RevisionGraph &graph = project->graph;
    const DatabaseState &state = *project->database;
    const RevisionFormatter format(graph);
    if (p.isSet(json)) {
        QJsonArray heads;
        for (const QString &id : state.heads)
            heads << (graph.revision(id) ? format.json(id) : QJsonObject{{u"revision"_s, id}});
        c.out << QJsonDocument(QJsonObject{
                     {u"url"_s, ws->databaseUrl()->toDisplayString()},
                     {u"heads"_s, heads},
                     {u"current"_s, QJsonArray::fromStringList(state.current)},
                     {u"edited_after_applied"_s, QJsonArray::fromStringList(state.editedAfterApplied)},
                     {u"unknown"_s, QJsonArray::fromStringList(state.unknown)}})
                     .toJson(QJsonDocument::Indented);
        return 0;
    }
    if (p.isSet(verboseOption))
        c.out << "Current revision(s) for " << ws->databaseUrl()->toDisplayString() << ":\n";
    // As `alembic current`: the rows' tips, and the revisions they depend on.
    for (const QString &id : state.current)
        c.out << (p.isSet(verboseOption) ? format.logEntry(id) : format.line(id, {}) + u'\n');
    for (const QString &id : state.unknown)
        c.out << id << " (not in " << ws->config().versionsDir() << ")\n";
    for (const QString &id : state.editedAfterApplied)
        c.out << "WARNING: revision " << id << " was edited after it was applied ("
              << graph.revision(id)->filePath << ")\n";
    return 0;
}

} // namespace Retort::Cli

// Verbs that read or write revision files and need no database.
#include "commands.h"

#include <engine/revision/revisionformatter.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

namespace {

const QCommandLineOption &verboseOption = CliOptions::verbose;
const QCommandLineOption &jsonOption = CliOptions::json;

QJsonArray revisionsJson(const RevisionFormatter &format, const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids)
        array << format.json(id);
    return array;
}

void printJson(CliContext &c, const QJsonArray &array)
{
    c.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
}

void printJson(CliContext &c, const RevisionFormatter &format, const QStringList &ids)
{
    printJson(c, revisionsJson(format, ids));
}

// `show --json`: the revision object with its SQL; a null downgrade means irreversible.
QJsonObject fullRevisionJson(const RevisionFormatter &format, const Revision &r)
{
    QJsonObject o = format.json(r.id);
    o.insert(u"upgrade_sql"_s, r.upgradeSql);
    o.insert(u"downgrade_sql"_s, r.downgradeSql ? QJsonValue(*r.downgradeSql) : QJsonValue());
    return o;
}

QStringList splitList(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values)
        out << v.split(u',', Qt::SkipEmptyParts);
    for (QString &v : out)
        v = v.trimmed();
    return out;
}

} // namespace

int runRevision(CliContext &c)
{
    QCommandLineParser p;
    using O = CliOptions;
    const QCommandLineOption &message = O::message, &revId = O::revId, &head = O::head;
    const QCommandLineOption &splice = O::splice, &label = O::branchLabel, &depends = O::dependsOn;
    const QCommandLineOption &autogenerate = O::autogenerate, &rename = O::rename;
    if (!c.parse(p, u"Write a new revision file."_s))
        return c.exitCode();
    if (p.isSet(autogenerate))
        return runAutogenerate(c, p.value(message), p.values(rename), p.value(revId));
    const Result<Workspace> ws = c.workspace();
    if (!ws)
        return c.fail(ws.error());
    NewRevision request;
    request.message = p.value(message);
    request.revId = p.value(revId);
    if (p.isSet(head))
        request.head = p.value(head);
    request.splice = p.isSet(splice);
    request.branchLabels = splitList(p.values(label));
    request.dependsOn = splitList(p.values(depends));
    const Result<QString> path = ws->writeRevision(request);
    if (!path)
        return c.fail(path.error());
    c.out << "Generating " << QDir::toNativeSeparators(*path) << " ...  done\n";
    return 0;
}

int runMerge(CliContext &c)
{
    QCommandLineParser p;
    const QCommandLineOption &message = CliOptions::message, &revId = CliOptions::revId;
    const QCommandLineOption &label = CliOptions::branchLabel;
    if (!c.parse(p, u"Write a revision that merges two or more revisions (or 'heads')."_s))
        return c.exitCode();
    const Result<Workspace> ws = c.workspace();
    if (!ws)
        return c.fail(ws.error());
    NewRevision request;
    request.message = p.value(message);
    request.revId = p.value(revId);
    request.branchLabels = splitList(p.values(label));
    request.mergeOf = CliContext::positional(p);
    const Result<QString> path = ws->writeRevision(request);
    if (!path)
        return c.fail(path.error());
    c.out << "Generating " << QDir::toNativeSeparators(*path) << " ...  done\n";
    return 0;
}

int runHeads(CliContext &c)
{
    QCommandLineParser p;
    const QCommandLineOption &resolveDependencies = CliOptions::resolveDependencies;
    if (!c.parse(p, u"Show the head revisions."_s))
        return c.exitCode();
    const Result<RevisionGraph> graph = c.graph();
    if (!graph)
        return c.fail(graph.error());
    const RevisionFormatter format(*graph);
    // As `alembic heads`: every head by parents, "(effective head)" where another revision
    // depends on it; --resolve-dependencies gives what the target "heads" stands for.
    const QStringList heads = p.isSet(resolveDependencies) ? graph->realHeads() : graph->heads();
    if (p.isSet(jsonOption)) {
        printJson(c, format, heads);
        return 0;
    }
    for (const QString &id : heads) {
        if (p.isSet(verboseOption))
            c.out << format.logEntry(id);
        else
            c.out << format.line(id, {.branches = true, .treeIndicators = false}) << '\n';
    }
    return 0;
}

int runBranches(CliContext &c)
{
    QCommandLineParser p;
    if (!c.parse(p, u"Show the branch points."_s))
        return c.exitCode();
    const Result<RevisionGraph> graph = c.graph();
    if (!graph)
        return c.fail(graph.error());
    const RevisionFormatter format(*graph);
    QStringList points = graph->topologicalOrder();
    points.removeIf([&](const QString &id) { return !graph->isBranchPoint(id); });
    if (p.isSet(jsonOption)) {
        QJsonArray array;
        for (const QString &id : std::as_const(points)) {
            QJsonObject point = format.json(id);
            point.insert(u"children"_s, revisionsJson(format, graph->children(id)));
            array << point;
        }
        printJson(c, array);
        return 0;
    }
    const bool verbose = p.isSet(verboseOption);
    for (const QString &id : std::as_const(points)) {
        c.out << (verbose ? format.logEntry(id) : format.line(id, {.branches = true}) + u'\n');
        for (const QString &child : graph->children(id))
            c.out << QString(id.size(), u' ') << " -> "
                  << format.line(child, {.branches = true, .message = verbose}) << '\n';
        c.out << '\n';
    }
    return 0;
}

int runHistory(CliContext &c)
{
    QCommandLineParser p;
    const QCommandLineOption &range = CliOptions::revRange;
    if (!c.parse(p, u"Show the revisions, newest first."_s))
        return c.exitCode();
    const Result<RevisionGraph> graph = c.graph();
    if (!graph)
        return c.fail(graph.error());
    const Result<QStringList> ids = graph->history(p.value(range));
    if (!ids)
        return c.fail(ids.error());
    const RevisionFormatter format(*graph);
    if (p.isSet(jsonOption)) {
        printJson(c, format, *ids);
        return 0;
    }
    const RevisionFormatter::Options line{.parents = true, .branches = true, .message = true};
    for (const QString &id : *ids)
        c.out << (p.isSet(verboseOption) ? format.logEntry(id) : format.line(id, line) + u'\n');
    return 0;
}

int runShow(CliContext &c)
{
    QCommandLineParser p;
    if (!c.parse(p, u"Show one or more revisions in full."_s))
        return c.exitCode();
    const Result<RevisionGraph> graph = c.graph();
    if (!graph)
        return c.fail(graph.error());
    const Result<QStringList> ids = graph->resolve(CliContext::positional(p).first());
    if (!ids)
        return c.fail(ids.error());
    const RevisionFormatter format(*graph);
    if (p.isSet(jsonOption)) {
        QJsonArray array;
        for (const QString &id : *ids)
            array << fullRevisionJson(format, *graph->revision(id));
        printJson(c, array);
        return 0;
    }
    for (const QString &id : *ids)
        c.out << format.logEntry(id);
    return 0;
}

int runSingleHeadCheck(CliContext &c, bool json)
{
    const Result<RevisionGraph> graph = c.graph();
    if (!graph)
        return c.fail(graph.error());
    // Versioned heads, effective ones included: `upgrade head` needs exactly one of them.
    const QStringList heads = graph->heads();
    QStringList problems;
    if (heads.size() > 1)
        problems << u"The revision graph has %1 heads (%2); join them with 'retort merge heads'."_s
                        .arg(heads.size())
                        .arg(heads.join(u", "_s));
    if (json) {
        c.out << QJsonDocument(QJsonObject{{u"clean"_s, problems.isEmpty()},
                                           {u"problems"_s, QJsonArray::fromStringList(problems)},
                                           {u"heads"_s, revisionsJson(RevisionFormatter(*graph), heads)}})
                     .toJson(QJsonDocument::Indented);
        return problems.isEmpty() ? 0 : 1;
    }
    if (!problems.isEmpty())
        return c.fail(Error(Error::Kind::Graph, problems.first()));
    c.out << "One head: " << (heads.isEmpty() ? u"base (no revisions)"_s : heads.first()) << ".\n";
    return 0;
}

} // namespace Retort::Cli

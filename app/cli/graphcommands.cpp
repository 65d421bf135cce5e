// Verbs that read or write revision files and need no database.
#include "commands.h"

#include <engine/revision/revisionformatter.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

namespace {

const QCommandLineOption verboseOption({u"v"_s, u"verbose"_s}, u"Show the full entry of each revision."_s);
const QCommandLineOption jsonOption(u"json"_s, u"Print JSON."_s);

void printJson(CliContext &c, const RevisionFormatter &format, const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids)
        array << format.json(id);
    c.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
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
    const QCommandLineOption message({u"m"_s, u"message"_s}, u"The revision's message."_s, u"MSG"_s);
    const QCommandLineOption revId(u"rev-id"_s, u"Use this id instead of a random one."_s, u"ID"_s);
    const QCommandLineOption head(u"head"_s, u"Base it on this head (default: head)."_s, u"REV"_s);
    const QCommandLineOption splice(u"splice"_s, u"Allow a non-head --head: start a new branch."_s);
    const QCommandLineOption label(u"branch-label"_s, u"Give the revision a branch label."_s, u"LABEL"_s);
    const QCommandLineOption depends(u"depends-on"_s, u"Revisions or labels it depends on."_s, u"REV"_s);
    const QCommandLineOption autogenerate(u"autogenerate"_s,
                                          u"Fill it with the changes from the database to the models."_s);
    const QCommandLineOption rename(u"rename"_s, u"With --autogenerate: a dropped and an added column "
                                                 "are a rename (repeatable)."_s, u"TABLE.OLD=NEW"_s);
    p.addOptions({message, revId, head, splice, label, depends, autogenerate, rename});
    if (!c.parse(p, u"Write a new revision file."_s, {}, 0, 0))
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
    const QCommandLineOption message({u"m"_s, u"message"_s}, u"The merge revision's message."_s, u"MSG"_s);
    const QCommandLineOption revId(u"rev-id"_s, u"Use this id instead of a random one."_s, u"ID"_s);
    const QCommandLineOption label(u"branch-label"_s, u"Give the merge a branch label."_s, u"LABEL"_s);
    p.addOptions({message, revId, label});
    if (!c.parse(p, u"Write a revision that merges two or more revisions (or 'heads')."_s,
                 u"REVS..."_s, 1, -1))
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
    const QCommandLineOption resolveDependencies(
        u"resolve-dependencies"_s, u"Leave out heads that another revision depends on."_s);
    p.addOptions({verboseOption, jsonOption, resolveDependencies});
    if (!c.parse(p, u"Show the head revisions."_s, {}, 0, 0))
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
    p.addOption(verboseOption);
    if (!c.parse(p, u"Show the branch points."_s, {}, 0, 0))
        return c.exitCode();
    const Result<RevisionGraph> graph = c.graph();
    if (!graph)
        return c.fail(graph.error());
    const RevisionFormatter format(*graph);
    const bool verbose = p.isSet(verboseOption);
    for (const QString &id : graph->topologicalOrder()) {
        if (!graph->isBranchPoint(id))
            continue;
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
    const QCommandLineOption range({u"r"_s, u"rev-range"_s}, u"Range START:END (either may be empty)."_s,
                                   u"RANGE"_s);
    p.addOptions({range, verboseOption, jsonOption});
    if (!c.parse(p, u"Show the revisions, newest first."_s, {}, 0, 0))
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
    if (!c.parse(p, u"Show one or more revisions in full."_s, u"REV"_s, 1, 1))
        return c.exitCode();
    const Result<RevisionGraph> graph = c.graph();
    if (!graph)
        return c.fail(graph.error());
    const Result<QStringList> ids = graph->resolve(CliContext::positional(p).first());
    if (!ids)
        return c.fail(ids.error());
    const RevisionFormatter format(*graph);
    for (const QString &id : *ids)
        c.out << format.logEntry(id);
    return 0;
}

} // namespace Retort::Cli

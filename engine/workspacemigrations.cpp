// Workspace: the verbs that touch the database's version table (SPEC section 4).
#include "workspace.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>
#include <engine/runner/historytable.h>
#include <engine/runner/migrationplanner.h>
#include <engine/runner/offlinescript.h>
#include <engine/runner/runner.h>
#include <engine/revision/revisionscript.h>
#include <engine/runner/versiontable.h>
#include <engine/sql/statementsplitter.h>

#include <QFileInfo>
#include <QRegularExpression>

#include <future>
#include <system_error>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

RevisionLookup lookupIn(const RevisionGraph &graph)
{
    return [&graph](const QString &id) { return graph.revision(id); };
}

// "FROM:TO" -> {FROM, TO}; "TO" -> {"", TO}.
std::pair<QString, QString> splitRange(const QString &range)
{
    const qsizetype colon = range.indexOf(u':');
    if (colon < 0)
        return {QString(), range};
    return {range.left(colon), range.mid(colon + 1)};
}

} // namespace

// Reading 10,000 revision files and opening a database (a server's handshake, SQLite's schema
// parse) take about as long as each other and do not depend on each other, so the files load on
// a second thread. The connection stays on this one (STYLE.md section 5). A graph error wins.
Result<Workspace::GraphAndConnection> Workspace::loadGraphAndConnect() const
{
    const auto load = [this] { return loadGraph(); };
    std::future<Result<RevisionGraph>> loading;
    try {
        loading = std::async(std::launch::async, load);
    } catch (const std::system_error &) {
        loading = std::async(std::launch::deferred, load); // no thread to be had: load in get()
    }
    const Result<DatabaseUrl> url = databaseUrl();
    const auto connect = [&url]() -> Result<std::unique_ptr<Connection>> {
        if (!url)
            return url.error();
        return Connection::open(*url);
    };
    // Opening an SQLite file that does not exist creates it: not before the files are known good.
    if (url && url->dialect == SqlDialect::SQLite && !url->isMemory()
        && !QFileInfo::exists(url->database)) {
        Result<RevisionGraph> graph = loading.get();
        if (!graph)
            return graph.error();
        return GraphAndConnection{std::move(*graph), connect()};
    }
    Result<std::unique_ptr<Connection>> connection = connect();
    Result<RevisionGraph> graph = loading.get();
    if (!graph)
        return graph.error();
    return GraphAndConnection{std::move(*graph), std::move(connection)};
}

Result<ProjectState> Workspace::projectState(DatabaseState::Detail detail) const
{
    Result<GraphAndConnection> loaded = loadGraphAndConnect();
    if (!loaded)
        return loaded.error();
    if (!loaded->connection)
        return ProjectState{std::move(loaded->graph), loaded->connection.error()};
    Result<DatabaseState> state = databaseState(loaded->graph, **loaded->connection, detail);
    return ProjectState{std::move(loaded->graph), std::move(state)};
}

Result<DatabaseState> Workspace::databaseState(const RevisionGraph &graph,
                                               Connection &connection,
                                               DatabaseState::Detail detail) const
{
    Runner runner(connection, RunOptions::fromConfig(m_config), lookupIn(graph));
    const Result<QStringList> heads = runner.currentHeads();
    if (!heads)
        return heads.error();
    DatabaseState state;
    state.heads = *heads;
    for (const QString &id : *heads) {
        if (!graph.revision(id))
            state.unknown << id;
    }
    HistoryTable history(connection, m_config.historyTable);
    if (detail == DatabaseState::Detail::HeadsOnly || !history.isEnabled())
        return state;
    const Result<QHash<QString, QString>> checksums = history.latestChecksums();
    if (!checksums)
        return checksums.error();
    state.hasHistory = !checksums->isEmpty();
    // Applied = the rows and everything below them; one linear walk over graph indexes.
    QList<int> rows;
    for (const QString &head : std::as_const(state.heads)) {
        if (const int index = graph.indexOf(head); index >= 0)
            rows << index;
    }
    const QList<char> applied = graph.reachDown(rows, true);
    for (auto it = checksums->cbegin(); it != checksums->cend(); ++it) {
        const int index = graph.indexOf(it.key());
        if (index >= 0 && applied.value(index) && !it.value().isEmpty()
            && it.value() != RevisionScript::checksumOf(graph.revisions().at(index)))
            state.editedAfterApplied << it.key();
    }
    std::sort(state.editedAfterApplied.begin(), state.editedAfterApplied.end());
    return state;
}

Result<RunReport> Workspace::upgrade(const QString &target, ProgressSink &sink,
                                     const CancelToken &cancel) const
{
    return run(RunKind::Upgrade, {target}, false, sink, cancel);
}

Result<RunReport> Workspace::downgrade(const QString &target, ProgressSink &sink,
                                       const CancelToken &cancel) const
{
    return run(RunKind::Downgrade, {target}, false, sink, cancel);
}

Result<RunReport> Workspace::stamp(const QStringList &targets, bool purge, ProgressSink &sink,
                                   const CancelToken &cancel) const
{
    return run(RunKind::Stamp, targets, purge, sink, cancel);
}

Result<RunReport> Workspace::run(RunKind kind, const QStringList &targets, bool purge,
                                 ProgressSink &sink, const CancelToken &cancel) const
{
    Result<GraphAndConnection> loaded = loadGraphAndConnect();
    if (!loaded)
        return loaded.error();
    if (!loaded->connection)
        return loaded->connection.error();
    RunOptions options = RunOptions::fromConfig(m_config);
    options.purge = purge;
    options.foreignKeyCheck = m_foreignKeyCheck;
    const RevisionGraph &g = loaded->graph;
    Runner runner(**loaded->connection, options, lookupIn(g));
    switch (kind) {
    case RunKind::Upgrade:
        return runner.migrate([&](const QStringList &heads) {
            return MigrationPlanner::planUpgrade(g, heads, targets.value(0));
        }, sink, cancel);
    case RunKind::Downgrade:
        return runner.migrate([&](const QStringList &heads) {
            return MigrationPlanner::planDowngrade(g, heads, targets.value(0));
        }, sink, cancel);
    case RunKind::Stamp:
        return runner.stamp([&](const QStringList &heads) {
            return MigrationPlanner::planStamp(g, heads, targets, purge);
        }, sink, cancel);
    }
    return Error(Error::Kind::Internal, Tr::tr("Unknown run kind."));
}

Result<QString> Workspace::planSql(const QStringList &fromHeads, const QString &target,
                                   bool downgrade) const
{
    const Result<RevisionGraph> graph = loadGraph();
    if (!graph)
        return graph.error();
    const Result<DatabaseUrl> url = databaseUrl();
    if (!url)
        return url.error();
    const Result<MigrationPlan> plan = downgrade
                                           ? MigrationPlanner::planDowngrade(*graph, fromHeads, target)
                                           : MigrationPlanner::planUpgrade(*graph, fromHeads, target);
    if (!plan)
        return plan.error();
    return OfflineScript::render(url->dialect, *plan, lookupIn(*graph), RunOptions::fromConfig(m_config));
}

Result<QString> Workspace::upgradeSql(const QString &range) const
{
    const auto [from, to] = splitRange(range);
    QStringList heads;
    if (!from.isEmpty() && from != u"base") {
        const Result<RevisionGraph> graph = loadGraph();
        if (!graph)
            return graph.error();
        const Result<QStringList> ids = graph->resolve(from);
        if (!ids)
            return ids.error();
        heads = *ids;
    }
    return planSql(heads, to, false);
}

Result<QString> Workspace::downgradeSql(const QString &range) const
{
    const auto [from, to] = splitRange(range);
    if (from.isEmpty() || !range.contains(u':'))
        return Error(Error::Kind::Usage,
                     Tr::tr("downgrade with --sql requires <fromrev>:<torev>"));
    const Result<RevisionGraph> graph = loadGraph();
    if (!graph)
        return graph.error();
    const Result<QStringList> heads = graph->resolve(from);
    if (!heads)
        return heads.error();
    return planSql(*heads, to, true);
}

Result<QString> Workspace::stampSql(const QStringList &targets) const
{
    const Result<RevisionGraph> graph = loadGraph();
    if (!graph)
        return graph.error();
    const Result<DatabaseUrl> url = databaseUrl();
    if (!url)
        return url.error();
    const Result<MigrationPlan> plan = MigrationPlanner::planStamp(*graph, {}, targets, false);
    if (!plan)
        return plan.error();
    return OfflineScript::renderStamp(url->dialect, *plan, lookupIn(*graph),
                                      RunOptions::fromConfig(m_config));
}

Result<QStringList> Workspace::destructiveStatements(const QStringList &fromHeads,
                                                    const QString &target) const
{
    static const QRegularExpression drops(
        u"^\\s*(DROP\\s+(TABLE|VIEW|SCHEMA|DATABASE|COLUMN)\\b|TRUNCATE\\b|DELETE\\s+FROM\\b"
        "|ALTER\\s+TABLE\\b.*\\bDROP\\s+(COLUMN\\b|(?!CONSTRAINT|INDEX|KEY|FOREIGN|CHECK|DEFAULT|NOT)\\w))"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const Result<RevisionGraph> graph = loadGraph();
    if (!graph)
        return graph.error();
    const Result<DatabaseUrl> url = databaseUrl();
    if (!url)
        return url.error();
    const Result<MigrationPlan> plan = MigrationPlanner::planUpgrade(*graph, fromHeads, target);
    if (!plan)
        return plan.error();
    QStringList found;
    for (const MigrationStep &step : plan->steps) {
        const Revision *revision = graph->revision(step.revision);
        if (!revision || step.stamp)
            continue;
        const Result<StatementList> statements =
            StatementSplitter::split(revision->upgradeSql, url->dialect, revision->upgradeLine);
        if (!statements)
            return statements.error();
        for (const Statement &statement : *statements) {
            if (drops.match(statement.text).hasMatch())
                found << step.revision + u": "_s + statement.text.simplified().left(120);
        }
    }
    return found;
}

} // namespace Retort

// Workspace: the verbs that touch the database's version table (README "Safety").
#include "workspace.h"

#include "projectkind.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>
#include <engine/runner/historytable.h>
#include <engine/runner/migrationplanner.h>
#include <engine/runner/offlinescript.h>
#include <engine/runner/runner.h>
#include <engine/runner/versiontable.h>
#include <engine/sql/statementclassifier.h>
#include <engine/sql/statementsplitter.h>

#include <QFileInfo>

#include <future>
#include <system_error>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

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
    const Result<DatabaseUrl> &url = m_url;
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
    Runner runner(connection, RunOptions::fromConfig(m_config), Runner::lookupIn(graph));
    const Result<QStringList> heads = runner.currentHeads();
    if (!heads)
        return heads.error();
    DatabaseState state;
    state.heads = *heads;
    QStringList known;
    for (const QString &id : *heads) {
        if (!graph.revision(id))
            state.unknown << id;
        else
            known << id;
    }
    const Result<QStringList> current = graph.current(known);
    if (!current)
        return current.error();
    state.current = *current;
    HistoryTable history(connection, m_config.tables.historyTable);
    if (detail == DatabaseState::Detail::HeadsOnly || !history.isEnabled())
        return state;
    const Result<HistoryTable::Edits> edits = history.editedAfterApplied(graph, state.heads);
    if (!edits)
        return edits.error();
    state.hasHistory = edits->hasHistory;
    state.editedAfterApplied = edits->revisions;
    return state;
}

Result<DatabaseState> Workspace::databaseStateOf(const RevisionGraph &graph) const
{
    if (!m_url)
        return m_url.error();
    const Result<std::unique_ptr<Connection>> connection = Connection::open(*m_url);
    if (!connection)
        return connection.error();
    return databaseState(graph, **connection, DatabaseState::Detail::HeadsOnly);
}

Result<RunReport> Workspace::upgrade(const QString &target, ProgressSink &sink,
                                     const CancelToken &cancel) const
{
    return run({MigrationRequest::Kind::Upgrade, {target}}, sink, cancel);
}

Result<RunReport> Workspace::downgrade(const QString &target, ProgressSink &sink,
                                       const CancelToken &cancel) const
{
    return run({MigrationRequest::Kind::Downgrade, {target}}, sink, cancel);
}

Result<RunReport> Workspace::stamp(const QStringList &targets, bool purge, ProgressSink &sink,
                                   const CancelToken &cancel) const
{
    return run({MigrationRequest::Kind::Stamp, targets, purge}, sink, cancel);
}

Result<RunReport> Workspace::run(MigrationRequest request, ProgressSink &sink,
                                 const CancelToken &cancel) const
{
    request.foreignKeyCheck = m_foreignKeyCheck;
    if (!m_kind->runsOnConnection()) {
        const Result<RevisionGraph> graph = loadGraph();
        if (!graph)
            return graph.error();
        Result<RunReport> report = m_kind->run(request, *graph, nullptr, sink, cancel);
        if (!report)
            return report;
        // The kind reached the database by itself: where it stands now is read here, natively,
        // when the URL is known (it may not be: env.py may compute it).
        if (Result<DatabaseState> state = databaseStateOf(*graph); state)
            report->headsAfter = state->heads;
        return report;
    }
    Result<GraphAndConnection> loaded = loadGraphAndConnect();
    if (!loaded)
        return loaded.error();
    if (!loaded->connection)
        return loaded->connection.error();
    return m_kind->run(request, loaded->graph, loaded->connection->get(), sink, cancel);
}

Result<QString> Workspace::offlineScript(const MigrationRequest &request,
                                         const QStringList &fromHeads) const
{
    const Result<RevisionGraph> graph = loadGraph();
    if (!graph)
        return graph.error();
    return m_kind->offlineScript(request, fromHeads, *graph);
}

Result<QString> Workspace::planSql(const QStringList &fromHeads, const QString &target,
                                   bool downgrade) const
{
    const auto kind = downgrade ? MigrationRequest::Kind::Downgrade
                                : MigrationRequest::Kind::Upgrade;
    return offlineScript({kind, {target}}, fromHeads);
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
    return offlineScript({MigrationRequest::Kind::Stamp, targets}, {});
}

Result<QStringList> Workspace::destructiveStatements(const QStringList &fromHeads,
                                                    const QString &target) const
{
    if (!m_url)
        return m_url.error();
    const Result<RevisionGraph> graph = loadGraph();
    if (!graph)
        return graph.error();
    const Result<MigrationPlan> plan =
        MigrationRequest{MigrationRequest::Kind::Upgrade, {target}}.plan(*graph, fromHeads);
    if (!plan)
        return plan.error();
    QStringList found;
    for (const MigrationStep &step : plan->steps) {
        const Revision *revision = graph->revision(step.revision);
        if (!revision || step.stamp)
            continue;
        const Result<StatementList> statements =
            StatementSplitter::split(revision->upgradeSql, m_url->dialect, revision->upgradeLine);
        if (!statements)
            return statements.error();
        for (const Statement &statement : *statements) {
            if (StatementClassifier::dropsData(statement.text))
                found << step.revision + u": "_s + statement.text.simplified().left(120);
        }
    }
    return found;
}

} // namespace Retort

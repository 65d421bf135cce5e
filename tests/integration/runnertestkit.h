#pragma once

// Shared by tst_runner (SQLite) and tst_runner_servers (all engines): a small revision graph,
// hand-made plans, and database probes.
#include <engine/config/databaseurl.h>
#include <engine/core/canceltoken.h>
#include <engine/core/progress.h>
#include <engine/db/connection.h>
#include <engine/revision/revision.h>
#include <engine/revision/revisiongraph.h>
#include <engine/revision/revisionscript.h>
#include <engine/runner/migrationplanner.h>
#include <engine/runner/migrationstep.h>
#include <engine/runner/runner.h>
#include <engine/runner/runoptions.h>

#include <QHash>
#include <QUrl>

#include <memory>

namespace RunnerTestKit {

using namespace Retort;

inline RunOptions options(bool transactionPerMigration = true)
{
    RunOptions o;
    o.transactionPerMigration = transactionPerMigration;
    o.lockTimeoutMs = 20'000;
    return o;
}

// A revision whose upgrade creates t_<id> with one row and whose downgrade drops it. The SQL
// starts on file line 10 (upgrade) and 20 (downgrade), as if parsed from a file.
inline Revision tableRevision(const QString &id, const QStringList &parents, const QString &msg)
{
    Revision r;
    r.id = id;
    r.parents = parents;
    r.message = msg;
    r.upgradeSql = QStringLiteral("CREATE TABLE t_%1 (id INTEGER PRIMARY KEY, note VARCHAR(20));\n"
                                  "INSERT INTO t_%1 (id, note) VALUES (1, '%1');\n")
                       .arg(id);
    r.upgradeLine = 10;
    r.downgradeSql = QStringLiteral("DROP TABLE t_%1;\n").arg(id);
    r.downgradeLine = 20;
    r.filePath = QStringLiteral("/project/migrations/versions/%1_%2.sql").arg(id, msg);
    r.source = RevisionScript::render(r).toUtf8();
    return r;
}

// a1 <- b2, a1 <- c3, (b2, c3) <- d4 (merge), d4 <- e5. Same shape as tools/alembic_interop.py.
inline QHash<QString, Revision> branchyGraph()
{
    QHash<QString, Revision> g;
    g.insert(QStringLiteral("a1"), tableRevision(QStringLiteral("a1"), {}, QStringLiteral("create a")));
    g.insert(QStringLiteral("b2"), tableRevision(QStringLiteral("b2"), {QStringLiteral("a1")}, QStringLiteral("add b")));
    g.insert(QStringLiteral("c3"), tableRevision(QStringLiteral("c3"), {QStringLiteral("a1")}, QStringLiteral("add c")));
    g.insert(QStringLiteral("d4"), tableRevision(QStringLiteral("d4"), {QStringLiteral("b2"), QStringLiteral("c3")}, QStringLiteral("merge")));
    g.insert(QStringLiteral("e5"), tableRevision(QStringLiteral("e5"), {QStringLiteral("d4")}, QStringLiteral("add e")));
    return g;
}

inline VersionChange insert(const QString &to) { return {VersionChange::Kind::Insert, {}, to}; }
inline VersionChange remove(const QString &from) { return {VersionChange::Kind::Delete, from, {}}; }
inline VersionChange update(const QString &from, const QString &to)
{
    return {VersionChange::Kind::Update, from, to};
}

inline MigrationStep up(const QString &rev, const QStringList &from, const QList<VersionChange> &c)
{
    return {MigrationStep::Direction::Upgrade, rev, from, {rev}, c};
}
inline MigrationStep down(const QString &rev, const QStringList &to, const QList<VersionChange> &c)
{
    return {MigrationStep::Direction::Downgrade, rev, {rev}, to, c};
}

inline MigrationPlan plan(const QStringList &before, const QList<MigrationStep> &steps,
                          const QStringList &after)
{
    return {steps, before, after};
}

// The sequence Alembic's planner makes for branchyGraph (checked against Alembic 1.8.1 with
// tests/tools/alembic_interop.py in tst_runner_servers): each command with the rows it must
// leave behind.
struct Command
{
    QString name; // the Alembic command line that does the same
    MigrationPlan plan;
    bool stamp = false;
};

inline QList<Command> branchySequence()
{
    using QSL = QStringList;
    return {
        {QStringLiteral("upgrade c3"),
         plan({}, {up("a1", {}, {insert("a1")}), up("c3", {"a1"}, {update("a1", "c3")})}, {"c3"})},
        {QStringLiteral("upgrade b2"), plan({"c3"}, {up("b2", {"a1"}, {insert("b2")})}, {"b2", "c3"})},
        {QStringLiteral("upgrade heads"),
         plan({"b2", "c3"},
              {up("d4", {"b2", "c3"}, {remove("b2"), update("c3", "d4")}),
               up("e5", {"d4"}, {update("d4", "e5")})},
              {"e5"})},
        {QStringLiteral("downgrade b2"),
         plan({"e5"},
              {down("e5", {"d4"}, {update("e5", "d4")}),
               down("d4", {"b2", "c3"}, {insert("b2"), update("d4", "c3")})},
              QSL{"b2", "c3"})},
        {QStringLiteral("downgrade c3@a1"), plan({"b2", "c3"}, {down("c3", {"a1"}, {remove("c3")})}, {"b2"})},
        {QStringLiteral("stamp c3"),
         plan({"b2"}, {MigrationStep{MigrationStep::Direction::Upgrade, "c3", {}, {"c3"}, {insert("c3")}}},
              {"b2", "c3"}),
         true},
        {QStringLiteral("downgrade b2@a1"),
         plan({"b2", "c3"}, {down("b2", {"a1"}, {remove("b2")})}, {"c3"})},
    };
}

// The same graph as a RevisionGraph, revisions in id (file-name) order.
inline Result<RevisionGraph> branchyRevisionGraph(const QHash<QString, Revision> &revisions)
{
    QStringList ids = revisions.keys();
    ids.sort();
    QList<Revision> list;
    for (const QString &id : std::as_const(ids))
        list << revisions.value(id);
    return RevisionGraph::build(list);
}

// What the facade does for a command of branchySequence(): MigrationPlanner on the heads the
// Runner read under its lock.
inline MigrationPlanFunction plannerFor(const RevisionGraph &graph, const QString &command)
{
    const QStringList words = command.split(u' ');
    return [&graph, words](const QStringList &heads) -> Result<MigrationPlan> {
        if (words.value(0) == QStringLiteral("upgrade"))
            return MigrationPlanner::planUpgrade(graph, heads, words.value(1));
        if (words.value(0) == QStringLiteral("downgrade"))
            return MigrationPlanner::planDowngrade(graph, heads, words.value(1));
        return MigrationPlanner::planStamp(graph, heads, {words.value(1)}, false);
    };
}

inline QStringList expectedTablesAfter(int command)
{
    static const QList<QStringList> tables{
        {"t_a1", "t_c3"},
        {"t_a1", "t_b2", "t_c3"},
        {"t_a1", "t_b2", "t_c3", "t_d4", "t_e5"},
        {"t_a1", "t_b2", "t_c3"},
        {"t_a1", "t_b2"},
        {"t_a1", "t_b2"}, // a stamp runs no SQL
        {"t_a1"},
    };
    return tables.value(command);
}

// Test tables (t_*) in the connection's current database, sorted.
inline QStringList testTables(Connection &c)
{
    QString sql;
    switch (c.dialect()) {
    case SqlDialect::SQLite:
        sql = QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'");
        break;
    case SqlDialect::PostgreSQL:
        sql = QStringLiteral("SELECT table_name FROM information_schema.tables "
                             "WHERE table_schema = current_schema()");
        break;
    case SqlDialect::MySQL:
        sql = QStringLiteral("SELECT table_name FROM information_schema.tables "
                             "WHERE table_schema = DATABASE()");
        break;
    }
    QStringList names;
    if (const auto rows = c.select(sql)) {
        for (const QVariantList &row : *rows) {
            const QString name = row.value(0).toString();
            if (name.startsWith(QStringLiteral("t_")))
                names << name;
        }
    }
    names.sort();
    return names;
}

inline QStringList versionRows(Connection &c, const QString &table = QStringLiteral("alembic_version"))
{
    QStringList rows;
    if (const auto r = c.select(QStringLiteral("SELECT version_num FROM ") + table)) {
        for (const QVariantList &row : *r)
            rows << row.value(0).toString();
    }
    rows.sort();
    return rows;
}

// Records events; optionally cancels after the n-th StatementDone.
class RecordingSink final : public ProgressSink
{
public:
    QList<Progress::Event> events;
    CancelToken *cancelToken = nullptr;
    int cancelAfterStatements = -1;
    std::function<void(const Progress::Event &)> onEvent;

    void report(const Progress::Event &event) override
    {
        events << event;
        if (onEvent)
            onEvent(event);
        if (cancelToken && std::holds_alternative<Progress::StatementDone>(event)
            && --cancelAfterStatements == 0)
            cancelToken->cancel();
    }
    int count(size_t index) const
    {
        int n = 0;
        for (const auto &e : events)
            n += e.index() == index ? 1 : 0;
        return n;
    }
};

// A fresh, empty database on the server of `baseUrl` (PostgreSQL, MySQL), named `name`: the
// tests never share tables with other test programs using the same server.
inline Result<QString> freshServerDatabase(const QString &baseUrl, const QString &name)
{
    const Result<DatabaseUrl> url = DatabaseUrl::parse(baseUrl);
    if (!url)
        return url.error();
    {
        Result<std::unique_ptr<Connection>> admin = Connection::open(*url);
        if (!admin)
            return admin.error();
        const bool pg = url->dialect == SqlDialect::PostgreSQL;
        if (pg)
            (void) (*admin)->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                                 "WHERE datname = '%1' AND pid <> pg_backend_pid()").arg(name));
        if (Result<> r = (*admin)->exec(QStringLiteral("DROP DATABASE IF EXISTS ") + name); !r)
            return r.error();
        if (Result<> r = (*admin)->exec(QStringLiteral("CREATE DATABASE ") + name); !r)
            return r.error();
    }
    QString text = baseUrl;
    const qsizetype q = text.indexOf(u'?');
    const QString query = q < 0 ? QString() : text.mid(q);
    if (q >= 0)
        text.truncate(q);
    text.truncate(text.lastIndexOf(u'/') + 1);
    return QString(text + name + query);
}

} // namespace RunnerTestKit

namespace RunnerTestKit {

// A linear chain r01 <- r02 <- ... <- rNN for the multi-process tests.
inline QString chainId(int i)
{
    return QStringLiteral("r%1").arg(i, 2, 10, QLatin1Char('0'));
}

inline QHash<QString, Revision> chainGraph(int length)
{
    QHash<QString, Revision> g;
    for (int i = 1; i <= length; ++i)
        g.insert(chainId(i), tableRevision(chainId(i), i == 1 ? QStringList() : QStringList{chainId(i - 1)},
                                           QStringLiteral("step %1").arg(i)));
    return g;
}

// A statement that keeps the database busy for a long time, per engine.
inline QString sleepStatement(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::PostgreSQL:
        return QStringLiteral("SELECT pg_sleep(30)");
    case SqlDialect::MySQL:
        return QStringLiteral("SELECT SLEEP(30)");
    case SqlDialect::SQLite:
        break;
    }
    return QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                          "WHERE x < 2000000000) SELECT count(*) FROM c");
}

// The linear planner for chainGraph: from the single head (or base) up to chainId(length).
inline Result<MigrationPlan> planChain(const QStringList &heads, int length)
{
    if (heads.size() > 1)
        return Error(Error::Kind::Graph, QStringLiteral("chain has one head"));
    const int at = heads.isEmpty() ? 0 : heads.first().mid(1).toInt();
    MigrationPlan p;
    p.headsBefore = heads;
    for (int i = at + 1; i <= length; ++i) {
        const QString id = chainId(i);
        p.steps << (i == 1 ? up(id, {}, {insert(id)}) : up(id, {chainId(i - 1)}, {update(chainId(i - 1), id)}));
    }
    p.headsAfter = length > 0 ? QStringList{chainId(length)} : heads;
    return p;
}

} // namespace RunnerTestKit

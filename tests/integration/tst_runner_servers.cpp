// The Runner on all three engines: SQLite always, PostgreSQL and MariaDB under
// scripts/with-test-dbs.sh. Each test runs in a database of its own.
#include "runnertestkit.h"

#include "../common/testdatabases.h"

#include <engine/runner/databaselock.h>
#include <engine/runner/historytable.h>
#include <engine/runner/offlinescript.h>
#include <engine/runner/runner.h>
#include <engine/runner/versiontable.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Retort;
using namespace RunnerTestKit;
using namespace Qt::Literals::StringLiterals;

class tst_RunnerServers : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void branchySequenceOnEveryEngine_data();
    void branchySequenceOnEveryEngine();
    void thirdStatementFailing_data();
    void thirdStatementFailing();
    void concurrentProcessesRunEachRevisionOnce_data();
    void concurrentProcessesRunEachRevisionOnce();
    void killedProcessLeavesPreviousRevision_data();
    void killedProcessLeavesPreviousRevision();
    void lockTimeoutNamesHolder_data();
    void lockTimeoutNamesHolder();
    void postgresNoTransactionRevision();
    void transactionControlOnEveryEngine_data();
    void transactionControlOnEveryEngine();
    void alembicAndRetortAgreeCommandByCommand();
    void retortContinuesAlembicAndBack();
    void offlineScriptRunsInTheEnginesClient_data();
    void offlineScriptRunsInTheEnginesClient();
    void offlineScriptMatchesAlembic_data();
    void offlineScriptMatchesAlembic();

private:
    void addDialectRows();
    // Runs tests/tools/alembic_interop.py; returns its stdout, or nothing when it failed.
    std::optional<QString> alembic(const QString &url, const QStringList &args);
    Result<RunReport> runCommand(Connection &c, const Command &cmd);
    // The URL of an empty database for this test, or skips.
    QString freshUrl(SqlDialect dialect);
    std::unique_ptr<Connection> open(const QString &url);
    RevisionLookup lookupIn(const QHash<QString, Revision> &graph);

    std::unique_ptr<QTemporaryDir> m_dir;
    QHash<QString, Revision> m_graph;
};

void tst_RunnerServers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_graph = branchyGraph();
}

void tst_RunnerServers::cleanup()
{
    m_dir.reset();
}

void tst_RunnerServers::addDialectRows()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<bool>("wal"); // SQLite in WAL mode, where the file lock cannot keep writers out
    QTest::newRow("sqlite") << int(SqlDialect::SQLite) << false;
    QTest::newRow("sqlite wal") << int(SqlDialect::SQLite) << true;
    QTest::newRow("postgresql") << int(SqlDialect::PostgreSQL) << false;
    QTest::newRow("mariadb") << int(SqlDialect::MySQL) << false;
}

QString tst_RunnerServers::freshUrl(SqlDialect dialect)
{
    if (dialect == SqlDialect::SQLite)
        return u"sqlite:///"_s + m_dir->filePath(u"test.db"_s);
    const Result<QString> url = freshServerDatabase(RetortTest::serverUrl(dialect), u"rt_runner"_s);
    if (!url)
        qWarning("%s", qPrintable(url.error().toString()));
    return url ? *url : QString();
}

std::unique_ptr<Connection> tst_RunnerServers::open(const QString &url)
{
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return nullptr;
    Result<std::unique_ptr<Connection>> c = Connection::open(*parsed);
    if (!c)
        qWarning("%s", qPrintable(c.error().toString()));
    return c ? std::move(*c) : nullptr;
}

RevisionLookup tst_RunnerServers::lookupIn(const QHash<QString, Revision> &graph)
{
    return [&graph](const QString &id) -> const Revision * {
        const auto it = graph.constFind(id);
        return it == graph.constEnd() ? nullptr : &*it;
    };
}

#define REQUIRE_ENGINE(dialectVar, urlVar) \
    do { \
        if (dialectVar != SqlDialect::SQLite) { \
            QString server; \
            RETORT_REQUIRE_SERVER(dialectVar, server); \
        } \
        urlVar = freshUrl(dialectVar); \
        QVERIFY(!urlVar.isEmpty()); \
        if (QTest::currentDataTag() && QByteArray(QTest::currentDataTag()).contains("wal")) { \
            auto walConnection = open(urlVar); \
            QVERIFY(walConnection); \
            const auto mode = walConnection->select(u"PRAGMA journal_mode=WAL"_s); \
            QVERIFY(mode && mode->value(0).value(0).toString() == u"wal"_s); \
        } \
    } while (0)

void tst_RunnerServers::branchySequenceOnEveryEngine_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<bool>("perMigration");
    QTest::addColumn<bool>("planner"); // MigrationPlanner instead of the hand-made plans
    for (const auto &[d, name] : QList<QPair<SqlDialect, const char *>>{
             {SqlDialect::SQLite, "sqlite"}, {SqlDialect::PostgreSQL, "postgresql"}, {SqlDialect::MySQL, "mariadb"}}) {
        QTest::addRow("%s per migration", name) << int(d) << true << false;
        QTest::addRow("%s one transaction", name) << int(d) << false << false;
        QTest::addRow("%s planner", name) << int(d) << true << true;
    }
}

void tst_RunnerServers::branchySequenceOnEveryEngine()
{
    QFETCH(int, dialect);
    QFETCH(bool, perMigration);
    QFETCH(bool, planner);
    const auto d = SqlDialect(dialect);
    QString url;
    REQUIRE_ENGINE(d, url);
    auto c = open(url);
    QVERIFY(c);
    const Result<RevisionGraph> graph = branchyRevisionGraph(m_graph);
    QVERIFY(graph);
    const QList<Command> sequence = branchySequence();
    int steps = 0;
    for (int i = 0; i < sequence.size(); ++i) {
        const Command &cmd = sequence.at(i);
        Runner runner(*c, options(perMigration), lookupIn(m_graph));
        NullProgressSink sink;
        CancelToken cancel;
        const Result<RunReport> report =
            planner     ? runner.migrate(plannerFor(*graph, cmd.name), sink, cancel)
            : cmd.stamp ? runner.stamp([&](const QStringList &) { return Result<MigrationPlan>(cmd.plan); }, sink, cancel)
                        : runner.migrate(cmd.plan, sink, cancel);
        QVERIFY2(report, qPrintable(cmd.name + u": "_s + (report ? QString() : report.error().toString())));
        QCOMPARE(report->steps.size(), cmd.plan.steps.size());
        QCOMPARE(versionRows(*c), cmd.plan.headsAfter);
        QCOMPARE(testTables(*c), expectedTablesAfter(i));
        steps += int(cmd.plan.steps.size());
    }
    const Result<QList<HistoryEntry>> history = HistoryTable(*c, u"retort_history"_s).entries();
    QVERIFY(history);
    QCOMPARE(history->size(), steps);
    QCOMPARE(history->at(0).revision, u"a1"_s);
    QCOMPARE(history->at(0).direction, Direction::Upgrade);
    QCOMPARE(history->at(0).checksum, RevisionScript::checksumOf(m_graph.value(u"a1"_s)));
    QCOMPARE(history->at(0).appliedAt.timeSpec(), Qt::UTC);
}

void tst_RunnerServers::thirdStatementFailing_data()
{
    addDialectRows();
}

void tst_RunnerServers::thirdStatementFailing()
{
    QFETCH(int, dialect);
    const auto d = SqlDialect(dialect);
    QString url;
    REQUIRE_ENGINE(d, url);
    auto c = open(url);
    QVERIFY(c);
    m_graph[u"c3"_s].upgradeSql = u"CREATE TABLE t_c3 (id INTEGER);\nINSERT INTO t_c3 VALUES (1);\n"
                                  "INSERT INTO no_such_table VALUES (1);\nCREATE TABLE t_c3b (id INTEGER);\n"_s;
    NullProgressSink sink;
    CancelToken cancel;
    const Result<RunReport> report =
        Runner(*c, options(), lookupIn(m_graph)).migrate(branchySequence().at(0).plan, sink, cancel);
    QVERIFY(!report);
    const Error &e = report.error();
    QCOMPARE(e.kind, Error::Kind::Database);
    QCOMPARE(e.file, m_graph.value(u"c3"_s).filePath);
    QCOMPARE(e.line, 12);
    QCOMPARE(e.sql, u"INSERT INTO no_such_table VALUES (1)"_s);
    QVERIFY2(e.message.contains(u"no_such_table"_s), qPrintable(e.message));
    QVERIFY2(e.message.contains(u"Committed before it and still applied: a1."_s), qPrintable(e.message));
    QCOMPARE(versionRows(*c), QStringList{u"a1"_s}); // the last complete revision
    if (d == SqlDialect::MySQL) {
        // DDL committed implicitly: the report names what ran.
        QVERIFY2(e.message.contains(u"had already run and may stay applied: line 10: CREATE TABLE t_c3 (id "
                                    "INTEGER); line 11: INSERT INTO t_c3 VALUES (1)."_s),
                 qPrintable(e.message));
        QCOMPARE(testTables(*c), (QStringList{u"t_a1"_s, u"t_c3"_s}));
    } else {
        QVERIFY2(!e.message.contains(u"had already run"_s), qPrintable(e.message));
        QCOMPARE(testTables(*c), QStringList{u"t_a1"_s});
    }
}

void tst_RunnerServers::concurrentProcessesRunEachRevisionOnce_data()
{
    addDialectRows();
}

void tst_RunnerServers::concurrentProcessesRunEachRevisionOnce()
{
    QFETCH(int, dialect);
    const auto d = SqlDialect(dialect);
    QString url;
    REQUIRE_ENGINE(d, url);
    constexpr int Processes = 8;
    constexpr int Length = 6;
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < Processes; ++i) {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral(RETORT_RUNNER_HELPER), {url, u"upgrade"_s, QString::number(Length)});
        processes.push_back(std::move(p));
    }
    const auto killAll = qScopeGuard([&] {
        for (auto &p : processes) {
            p->kill();
            p->waitForFinished();
        }
    });
    int totalSteps = 0;
    for (auto &p : processes) {
        QVERIFY(p->waitForFinished(120'000));
        const QString err = QString::fromUtf8(p->readAllStandardError());
        const QString out = QString::fromUtf8(p->readAllStandardOutput()).trimmed();
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, qPrintable(err));
        QVERIFY2(out.startsWith(u"OK "_s), qPrintable(out));
        totalSteps += out.mid(3).toInt();
    }
    QCOMPARE(totalSteps, Length); // all eight exit 0; together they ran each step once
    auto c = open(url);
    QVERIFY(c);
    QCOMPARE(versionRows(*c), QStringList{chainId(Length)});
    const Result<QList<HistoryEntry>> history = HistoryTable(*c, u"retort_history"_s).entries();
    QVERIFY(history);
    QStringList applied;
    for (const HistoryEntry &e : *history)
        applied << directionName(e.direction) + u' ' + e.revision;
    QStringList expected;
    for (int i = 1; i <= Length; ++i)
        expected << u"upgrade "_s + chainId(i);
    QCOMPARE(applied, expected);
    QCOMPARE(testTables(*c).size(), Length);
}

void tst_RunnerServers::killedProcessLeavesPreviousRevision_data()
{
    addDialectRows();
}

void tst_RunnerServers::killedProcessLeavesPreviousRevision()
{
    QFETCH(int, dialect);
    const auto d = SqlDialect(dialect);
    QString url;
    REQUIRE_ENGINE(d, url);
    QProcess p;
    p.start(QStringLiteral(RETORT_RUNNER_HELPER), {url, u"sleep"_s});
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (!out.contains("SLEEPING") && timer.elapsed() < 30'000 && p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(200);
        out += p.readAllStandardOutput();
    }
    QVERIFY2(out.contains("SLEEPING"), p.readAllStandardError().constData());
    QTest::qWait(300); // let the sleeping statement start
    p.kill();           // SIGKILL
    QVERIFY(p.waitForFinished(10'000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);
    auto c = open(url);
    QVERIFY(c);
    if (d == SqlDialect::PostgreSQL) {
        // The server notices the dead client only when the sleep returns; end it now.
        QVERIFY(c->exec(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"_s));
    } else if (d == SqlDialect::MySQL) {
        const auto ids = c->select(u"SELECT ID FROM information_schema.PROCESSLIST "
                                   "WHERE DB = DATABASE() AND ID <> CONNECTION_ID()"_s);
        QVERIFY(ids);
        for (const QVariantList &row : *ids)
            (void) c->exec(u"KILL "_s + row.value(0).toString());
    }
    // The lock comes free once the dead session is gone; take it to be sure of that.
    CancelToken cancel;
    Result<std::unique_ptr<DatabaseLock>> lock = DatabaseLock::acquire(*c, u"alembic_version"_s, 20'000, cancel);
    QVERIFY2(lock, qPrintable(lock ? QString() : lock.error().toString()));
    QCOMPARE(versionRows(*c), QStringList{chainId(1)});
    if (d != SqlDialect::MySQL) // MariaDB's CREATE TABLE of r02 committed itself
        QCOMPARE(testTables(*c), QStringList{u"t_r01"_s});
    QVERIFY((*lock)->release());
}

void tst_RunnerServers::lockTimeoutNamesHolder_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("postgresql") << int(SqlDialect::PostgreSQL);
    QTest::newRow("mariadb") << int(SqlDialect::MySQL);
}

void tst_RunnerServers::lockTimeoutNamesHolder()
{
    QFETCH(int, dialect);
    const auto d = SqlDialect(dialect);
    QString url;
    REQUIRE_ENGINE(d, url);
    auto holder = open(url);
    auto waiter = open(url);
    QVERIFY(holder && waiter);
    CancelToken cancel;
    Result<std::unique_ptr<DatabaseLock>> held = DatabaseLock::acquire(*holder, u"alembic_version"_s, 1000, cancel);
    QVERIFY(held);
    const auto id = holder->select(d == SqlDialect::PostgreSQL ? u"SELECT pg_backend_pid()"_s : u"SELECT CONNECTION_ID()"_s);
    QVERIFY(id && !id->isEmpty());
    RunOptions o = options();
    o.lockTimeoutMs = 500;
    NullProgressSink sink;
    const Result<RunReport> report =
        Runner(*waiter, o, lookupIn(m_graph)).migrate(branchySequence().at(0).plan, sink, cancel);
    QVERIFY(!report);
    QCOMPARE(report.error().kind, Error::Kind::Lock);
    const QString expected = d == SqlDialect::PostgreSQL
                                 ? u"held by PID %1, application 'retort', user postgres, client 127.0.0.1"_s
                                 : u"held by connection %1, user root from "_s; // host as MariaDB names it
    QVERIFY2(report.error().message.contains(expected.arg(id->first().first().toString())),
             qPrintable(report.error().message));
    QCOMPARE(*VersionTable::tableExists(*waiter, u"alembic_version"_s), false); // nothing ran
    // A lock on another version table is independent.
    o.tables.versionTable = u"other_version"_s;
    QVERIFY(Runner(*waiter, o, lookupIn(m_graph)).migrate(branchySequence().at(0).plan, sink, cancel));
}

void tst_RunnerServers::postgresNoTransactionRevision()
{
    QString url;
    REQUIRE_ENGINE(SqlDialect::PostgreSQL, url);
    auto c = open(url);
    QVERIFY(c);
    m_graph[u"a1"_s].upgradeSql = u"CREATE TABLE t_a1 (id INTEGER);\nCREATE INDEX CONCURRENTLY ix_a1 ON t_a1 (id);\n"_s;
    const MigrationPlan first = plan({}, {up(u"a1"_s, {}, {insert(u"a1"_s)})}, {u"a1"_s});
    NullProgressSink sink;
    CancelToken cancel;
    Result<RunReport> report = Runner(*c, options(), lookupIn(m_graph)).migrate(first, sink, cancel);
    QVERIFY(!report);
    QVERIFY2(report.error().message.contains(u"CONCURRENTLY"_s), qPrintable(report.error().message));
    QCOMPARE(testTables(*c), QStringList());
    m_graph[u"a1"_s].noTransaction = true;
    for (bool perMigration : {true, false}) {
        report = Runner(*c, options(perMigration), lookupIn(m_graph)).migrate(first, sink, cancel);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(versionRows(*c), QStringList{u"a1"_s});
        QVERIFY(c->exec(u"DROP TABLE t_a1"_s));
        QVERIFY(c->exec(u"DELETE FROM alembic_version"_s));
    }
}

void tst_RunnerServers::transactionControlOnEveryEngine_data()
{
    // c3's upgrade (its first line is file line 10), run after a1 in one command; refusedLine 0:
    // it runs.
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("noTransaction");
    QTest::addColumn<int>("refusedLine");
    QTest::addColumn<QString>("keyword");
    // Issue #14, 4: the COMMIT kept the first row and the message said it was rolled back.
    const QString issue = u"INSERT INTO t_a1 VALUES (2, 'x');\nCOMMIT;\nINSERT INTO missing VALUES (1);\n"_s;
    for (const auto &[d, name] : QList<QPair<SqlDialect, const char *>>{
             {SqlDialect::SQLite, "sqlite"}, {SqlDialect::PostgreSQL, "postgresql"}, {SqlDialect::MySQL, "mariadb"}}) {
        QTest::addRow("%s: commit", name) << int(d) << issue << false << 11 << u"COMMIT"_s;
        QTest::addRow("%s: savepoint", name)
            << int(d) << u"INSERT INTO t_a1 VALUES (2, 'x');\nSAVEPOINT s1;\n"_s << false << 11 << u"SAVEPOINT"_s;
    }
    const int pg = int(SqlDialect::PostgreSQL);
    QTest::newRow("postgresql: start transaction")
        << pg << u"START TRANSACTION;\nCREATE TABLE t_c3 (id INTEGER);\n"_s << false << 10 << u"START TRANSACTION"_s;
    QTest::newRow("postgresql: end") << pg << u"CREATE TABLE t_c3 (id INTEGER);\nEND;\n"_s << false << 11 << u"END"_s;
    QTest::newRow("postgresql: abort") << pg << u"CREATE TABLE t_c3 (id INTEGER);\nABORT;\n"_s << false << 11 << u"ABORT"_s;
    QTest::newRow("postgresql: DO block") << pg
        << u"CREATE TABLE t_c3 (id INTEGER);\nDO $$\nBEGIN\n  INSERT INTO t_c3 VALUES (1);\nEND\n$$;\n"_s
        << false << 0 << QString();
    QTest::newRow("postgresql: no-transaction") << pg
        << u"START TRANSACTION;\nCREATE TABLE t_c3 (id INTEGER);\nCOMMIT;\nBEGIN;\nINSERT INTO t_c3 VALUES (1);\nEND;\n"_s
        << true << 0 << QString();
    const int my = int(SqlDialect::MySQL);
    QTest::newRow("mariadb: start transaction")
        << my << u"START TRANSACTION;\nINSERT INTO t_a1 VALUES (2, 'x');\n"_s << false << 10 << u"START TRANSACTION"_s;
    QTest::newRow("mariadb: xa") << my << u"XA START 'x';\n"_s << false << 10 << u"XA"_s;
    QTest::newRow("mariadb: autocommit") << my << u"CREATE TABLE t_c3 (id INTEGER);\nSET autocommit = 1;\n"_s
                                         << false << 11 << u"SET autocommit"_s;
    QTest::newRow("mariadb: BEGIN NOT ATOMIC block") << my
        << u"CREATE TABLE t_c3 (id INTEGER);\nBEGIN NOT ATOMIC\n  INSERT INTO t_c3 VALUES (1);\nEND;\n"_s
        << false << 0 << QString();
    QTest::newRow("mariadb: no-transaction") << my
        << u"CREATE TABLE t_c3 (id INTEGER);\nSTART TRANSACTION;\nINSERT INTO t_c3 VALUES (1);\nCOMMIT WORK;\n"_s
        << true << 0 << QString();
}

// A revision that runs in a transaction may not begin, end or divide it; the whole plan is
// checked before the first revision runs. A no-transaction revision may.
void tst_RunnerServers::transactionControlOnEveryEngine()
{
    QFETCH(int, dialect);
    QFETCH(QString, sql);
    QFETCH(bool, noTransaction);
    QFETCH(int, refusedLine);
    QFETCH(QString, keyword);
    const auto d = SqlDialect(dialect);
    QString url;
    REQUIRE_ENGINE(d, url);
    auto c = open(url);
    QVERIFY(c);
    m_graph[u"c3"_s].upgradeSql = sql;
    m_graph[u"c3"_s].noTransaction = noTransaction;
    NullProgressSink sink;
    CancelToken cancel;
    const Result<RunReport> report =
        Runner(*c, options(), lookupIn(m_graph)).migrate(branchySequence().at(0).plan, sink, cancel);
    if (refusedLine == 0) {
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(versionRows(*c), QStringList{u"c3"_s});
        QCOMPARE(testTables(*c), (QStringList{u"t_a1"_s, u"t_c3"_s}));
        const auto rows = c->select(u"SELECT count(*) FROM t_c3"_s);
        QVERIFY(rows && rows->value(0).value(0).toInt() == 1);
        return;
    }
    QVERIFY(!report);
    const Error &e = report.error();
    QCOMPARE(e.kind, Error::Kind::Script);
    QCOMPARE(e.file, m_graph.value(u"c3"_s).filePath);
    QCOMPARE(e.line, refusedLine);
    QVERIFY2(e.message.startsWith(keyword + u" in revision c3"_s), qPrintable(e.message));
    QCOMPARE(versionRows(*c), QStringList()); // not even a1 ran
    QCOMPARE(testTables(*c), QStringList());
}

std::optional<QString> tst_RunnerServers::alembic(const QString &url, const QStringList &args)
{
    QProcess p;
    p.start(u"/usr/bin/python3"_s, QStringList{QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/tools/alembic_interop.py"_s,
                                               m_dir->filePath(u"alembic"_s), url} + args);
    if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        qWarning("alembic %s failed: %s", qPrintable(args.join(u' ')), p.readAllStandardError().constData());
        return std::nullopt;
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

Result<RunReport> tst_RunnerServers::runCommand(Connection &c, const Command &cmd)
{
    Runner runner(c, options(), lookupIn(m_graph));
    NullProgressSink sink;
    CancelToken cancel;
    return cmd.stamp ? runner.stamp([&](const QStringList &) { return Result<MigrationPlan>(cmd.plan); }, sink, cancel)
                     : runner.migrate(cmd.plan, sink, cancel);
}

#define REQUIRE_ALEMBIC() \
    do { \
        RETORT_REQUIRE_TOOL( \
            QProcess::execute(u"/usr/bin/python3"_s, {u"-c"_s, u"import alembic"_s}) == 0, \
            "alembic for /usr/bin/python3"); \
    } while (0)

void tst_RunnerServers::alembicAndRetortAgreeCommandByCommand()
{
    // Alembic on one database, Retort on another, the same commands: the same rows after each.
    REQUIRE_ALEMBIC();
    const QString alembicUrl = u"sqlite:///"_s + m_dir->filePath(u"alembic.db"_s);
    auto theirs = open(alembicUrl);
    auto ours = open(u"sqlite:///"_s + m_dir->filePath(u"retort.db"_s));
    QVERIFY(theirs && ours);
    const QList<Command> sequence = branchySequence();
    for (int i = 0; i < sequence.size(); ++i) {
        const Command &cmd = sequence.at(i);
        QVERIFY2(alembic(alembicUrl, cmd.name.split(u' ')), qPrintable(cmd.name));
        const Result<RunReport> report = runCommand(*ours, cmd);
        QVERIFY2(report, qPrintable(cmd.name + u": "_s + (report ? QString() : report.error().toString())));
        QCOMPARE(versionRows(*ours), versionRows(*theirs));
        QCOMPARE(testTables(*ours), testTables(*theirs));
        QCOMPARE(versionRows(*ours), cmd.plan.headsAfter);
    }
}

void tst_RunnerServers::retortContinuesAlembicAndBack()
{
    REQUIRE_ALEMBIC();
    const QString url = u"sqlite:///"_s + m_dir->filePath(u"shared.db"_s);
    QVERIFY(alembic(url, {u"upgrade"_s, u"b2"_s}));
    auto c = open(url);
    QVERIFY(c);
    QCOMPARE(versionRows(*c), QStringList{u"b2"_s});
    // Retort reads Alembic's table and continues to the head.
    const Command toHead{u"upgrade heads"_s,
                         plan({u"b2"_s},
                              {up(u"c3"_s, {u"a1"_s}, {insert(u"c3"_s)}),
                               up(u"d4"_s, {u"b2"_s, u"c3"_s}, {remove(u"b2"_s), RunnerTestKit::update(u"c3"_s, u"d4"_s)}),
                               up(u"e5"_s, {u"d4"_s}, {RunnerTestKit::update(u"d4"_s, u"e5"_s)})},
                              {u"e5"_s})};
    const Result<RunReport> report = runCommand(*c, toHead);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    QCOMPARE(report->headsBefore, QStringList{u"b2"_s});
    QCOMPARE(versionRows(*c), QStringList{u"e5"_s});
    QCOMPARE(testTables(*c), (QStringList{u"t_a1"_s, u"t_b2"_s, u"t_c3"_s, u"t_d4"_s, u"t_e5"_s}));
    c.reset();
    // Alembic reads Retort's table (with the history table beside it) and goes back down.
    const std::optional<QString> current = alembic(url, {u"current"_s});
    QVERIFY(current);
    QVERIFY2(current->contains(u"e5 (head)"_s), qPrintable(*current));
    QVERIFY(alembic(url, {u"downgrade"_s, u"b2"_s}));
    c = open(url);
    QVERIFY(c);
    QCOMPARE(versionRows(*c), (QStringList{u"b2"_s, u"c3"_s}));
    QCOMPARE(testTables(*c), (QStringList{u"t_a1"_s, u"t_b2"_s, u"t_c3"_s}));
}

void tst_RunnerServers::offlineScriptRunsInTheEnginesClient_data()
{
    addDialectRows();
}

void tst_RunnerServers::offlineScriptRunsInTheEnginesClient()
{
    // The --sql output, fed to sqlite3 / psql / mariadb, leaves what the Runner leaves.
    QFETCH(int, dialect);
    QFETCH(bool, wal);
    if (wal)
        QSKIP("Same as the sqlite row.");
    const auto d = SqlDialect(dialect);
    if (d == SqlDialect::SQLite) {
        RETORT_REQUIRE_TOOL(!QStandardPaths::findExecutable(u"sqlite3"_s).isEmpty(),
                            "the sqlite3 command-line client (Debian package sqlite3)");
    }
    QString url;
    REQUIRE_ENGINE(d, url);
    const QList<Command> sequence = branchySequence();
    const MigrationPlan toHead = plan({}, sequence.at(0).plan.steps + sequence.at(1).plan.steps
                                              + sequence.at(2).plan.steps, {u"e5"_s});
    for (bool perMigration : {true, false}) {
        const Result<QString> script = OfflineScript::render(d, perMigration ? toHead : sequence.at(3).plan,
                                                             lookupIn(m_graph), options(perMigration));
        QVERIFY(script);
        QStringList command;
        if (d == SqlDialect::SQLite)
            command = {u"sqlite3"_s, u"-bail"_s, m_dir->filePath(u"test.db"_s)};
        else if (d == SqlDialect::PostgreSQL)
            command = qEnvironmentVariable("RETORT_TEST_PG_ADMIN").split(u' ', Qt::SkipEmptyParts)
                      + QStringList{u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-d"_s, u"rt_runner"_s};
        else
            command = qEnvironmentVariable("RETORT_TEST_MYSQL_ADMIN").split(u' ', Qt::SkipEmptyParts)
                      + QStringList{u"rt_runner"_s};
        QVERIFY2(command.size() > 1, "RETORT_TEST_*_ADMIN is not set");
        QProcess p;
        p.start(command.takeFirst(), command);
        p.write(script->toUtf8());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60'000));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAllStandardError().constData());
    }
    // Upgrade to head (per migration), then downgrade to b2, c3 (one transaction).
    auto c = open(url);
    QVERIFY(c);
    QCOMPARE(versionRows(*c), (QStringList{u"b2"_s, u"c3"_s}));
    QCOMPARE(testTables(*c), expectedTablesAfter(3));
}

void tst_RunnerServers::offlineScriptMatchesAlembic_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("range");
    QTest::addColumn<int>("command"); // -1: base to heads
    QTest::newRow("postgresql upgrade") << u"postgresql://u@h/db"_s << int(SqlDialect::PostgreSQL) << u"upgrade base:heads"_s << -1;
    QTest::newRow("mysql upgrade") << u"mysql://u@h/db"_s << int(SqlDialect::MySQL) << u"upgrade base:heads"_s << -1;
    QTest::newRow("postgresql downgrade") << u"postgresql://u@h/db"_s << int(SqlDialect::PostgreSQL) << u"downgrade e5:b2"_s << 3;
    QTest::newRow("mysql downgrade") << u"mysql://u@h/db"_s << int(SqlDialect::MySQL) << u"downgrade e5:b2"_s << 3;
}

void tst_RunnerServers::offlineScriptMatchesAlembic()
{
    // SQLite is left out: Alembic prints no BEGIN/COMMIT for it, Retort does (see OfflineScript).
    QFETCH(QString, url);
    QFETCH(int, dialect);
    QFETCH(QString, range);
    QFETCH(int, command);
    REQUIRE_ALEMBIC();
    const QList<Command> sequence = branchySequence();
    const MigrationPlan p = command >= 0 ? sequence.at(command).plan
                                         : plan({}, sequence.at(0).plan.steps + sequence.at(1).plan.steps
                                                        + sequence.at(2).plan.steps, {u"e5"_s});
    const Result<QString> ours = OfflineScript::render(SqlDialect(dialect), p, lookupIn(m_graph), options());
    QVERIFY2(ours, qPrintable(ours ? QString() : ours.error().toString()));
    const std::optional<QString> theirs = alembic(url, range.split(u' ') + QStringList{u"--sql"_s});
    QVERIFY(theirs);
    QCOMPARE(*ours, *theirs);
}

QTEST_GUILESS_MAIN(tst_RunnerServers)

#include "tst_runner_servers.moc"

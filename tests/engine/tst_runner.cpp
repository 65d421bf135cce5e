#include "../integration/runnertestkit.h"

#include <engine/dialect/sqlite/sqliteintrospector.h>
#include <engine/dialect/sqlrenderer.h>
#include <engine/diff/differ.h>
#include <engine/runner/databaselock.h>
#include <engine/runner/historytable.h>
#include <engine/runner/offlinescript.h>
#include <engine/runner/runner.h>
#include <engine/runner/stepexecutor.h>
#include <engine/runner/versiontable.h>
#include <engine/sql/statementclassifier.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;
using namespace RunnerTestKit;
using namespace Qt::Literals::StringLiterals;

class tst_Runner : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void versionTableSqlIsAlembics_data();
    void versionTableSqlIsAlembics();
    void quoteNameQuotesOnlyWhenNeeded_data();
    void quoteNameQuotesOnlyWhenNeeded();
    void versionTableCreatedOnFirstUpgrade();
    void versionTableApplyRejectsMissingRow();
    void branchySequenceLeavesAlembicsRows_data();
    void branchySequenceLeavesAlembicsRows();
    void eachStepCommitsBeforeTheNext();
    void eventsDescribeEachStep();
    void failingStatementRollsBackItsRevision_data();
    void failingStatementRollsBackItsRevision();
    void irreversibleDowngradeFailsBeforeRunning();
    void cancelBetweenStatementsRollsBackStep();
    void cancelBetweenStepsKeepsCommittedSteps();
    void noTransactionRevisionRunsOutsideTransaction();
    void historyRecordsEveryRun();
    void historyDisabledWhenNameEmpty();
    void latestChecksumsFindEditedRevisions();
    void plannerSeesHeadsReadUnderLock();
    void stepReplansWhenVersionTableChanged();
    void fixedPlanRefusesChangedDatabase();
    void purgeEmptiesVersionTableBeforeStamp();
    void lockTimesOutWithLockError();
    void lockKeysAreStable();
    void inMemoryDatabaseNeedsNoLock();
    void sqliteTableRebuildKeepsChildRows();
    void sqliteForeignKeyViolationFailsStep();
    void sqliteRebuildOverOrphanRowsChangesNothing_data();
    void sqliteRebuildOverOrphanRowsChangesNothing();
    void foreignKeysOffRevisionChecksInsideItsTransaction_data();
    void foreignKeysOffRevisionChecksInsideItsTransaction();
    void transactionControlRefusedBeforeAnythingRuns_data();
    void transactionControlRefusedBeforeAnythingRuns();
    void transactionControlAllowedWithoutTransaction();
    void offlineScriptRefusesTransactionControlAndWrapsForeignKeysOff();
    void statementsThatMayBreakForeignKeys_data();
    void statementsThatMayBreakForeignKeys();
    void offlineScriptMatchesGolden_data();
    void offlineScriptMatchesGolden();
    void offlineScriptNeedsNoConnectionAndChecksPlan();

private:
    std::unique_ptr<Connection> open();
    Result<RunReport> runCommand(Connection &c, const Command &cmd, const RunOptions &o,
                                 ProgressSink &sink);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dbPath;
    QHash<QString, Revision> m_graph;
    RevisionLookup m_lookup;
};

void tst_Runner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dbPath = m_dir->filePath(u"test.db"_s);
    m_graph = branchyGraph();
    m_lookup = [this](const QString &id) -> const Revision * {
        const auto it = m_graph.constFind(id);
        return it == m_graph.constEnd() ? nullptr : &*it;
    };
}

void tst_Runner::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Connection> tst_Runner::open()
{
    const Result<DatabaseUrl> url = DatabaseUrl::parse(u"sqlite:///"_s + m_dbPath);
    if (!url)
        return nullptr;
    Result<std::unique_ptr<Connection>> c = Connection::open(*url);
    return c ? std::move(*c) : nullptr;
}

Result<RunReport> tst_Runner::runCommand(Connection &c, const Command &cmd, const RunOptions &o,
                                         ProgressSink &sink)
{
    Runner runner(c, o, m_lookup);
    CancelToken cancel;
    return cmd.stamp ? runner.stamp([&](const QStringList &) { return Result<MigrationPlan>(cmd.plan); },
                                    sink, cancel)
                     : runner.migrate(cmd.plan, sink, cancel);
}

void tst_Runner::versionTableSqlIsAlembics_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("create");
    QTest::addColumn<QString>("update");
    QTest::newRow("sqlite") << int(SqlDialect::SQLite) << u"alembic_version"_s
                            << u"CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n"
                               "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)"_s
                            << u"UPDATE alembic_version SET version_num='b2' WHERE "
                               "alembic_version.version_num = 'a1'"_s;
    QTest::newRow("mysql quoted") << int(SqlDialect::MySQL) << u"Versions"_s
                                  << u"CREATE TABLE `Versions` (\n    version_num VARCHAR(32) NOT NULL, \n"
                                     "    CONSTRAINT `Versions_pkc` PRIMARY KEY (version_num)\n)"_s
                                  << u"UPDATE `Versions` SET version_num='b2' WHERE "
                                     "`Versions`.version_num = 'a1'"_s;
    QTest::newRow("postgresql custom") << int(SqlDialect::PostgreSQL) << u"app_version"_s
                                       << u"CREATE TABLE app_version (\n    version_num VARCHAR(32) NOT NULL, \n"
                                          "    CONSTRAINT app_version_pkc PRIMARY KEY (version_num)\n)"_s
                                       << u"UPDATE app_version SET version_num='b2' WHERE "
                                          "app_version.version_num = 'a1'"_s;
}

void tst_Runner::versionTableSqlIsAlembics()
{
    QFETCH(int, dialect);
    QFETCH(QString, table);
    QFETCH(QString, create);
    QFETCH(QString, update);
    const auto d = SqlDialect(dialect);
    QCOMPARE(VersionTable::createSql(d, table), create);
    QCOMPARE(VersionTable::changeSql(d, table, RunnerTestKit::update(u"a1"_s, u"b2"_s)), update);
}

void tst_Runner::quoteNameQuotesOnlyWhenNeeded_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("sqlite");
    QTest::addColumn<QString>("mysql");
    QTest::newRow("plain") << u"alembic_version"_s << u"alembic_version"_s << u"alembic_version"_s;
    QTest::newRow("upper") << u"Version"_s << u"\"Version\""_s << u"`Version`"_s;
    QTest::newRow("reserved") << u"user"_s << u"\"user\""_s << u"`user`"_s;
    QTest::newRow("digit first") << u"1v"_s << u"\"1v\""_s << u"`1v`"_s;
    QTest::newRow("quote inside") << u"a\"b`c"_s << u"\"a\"\"b`c\""_s << u"`a\"b``c`"_s;
}

void tst_Runner::quoteNameQuotesOnlyWhenNeeded()
{
    QFETCH(QString, name);
    QFETCH(QString, sqlite);
    QFETCH(QString, mysql);
    QCOMPARE(VersionTable::quoteName(SqlDialect::SQLite, name), sqlite);
    QCOMPARE(VersionTable::quoteName(SqlDialect::PostgreSQL, name), sqlite);
    QCOMPARE(VersionTable::quoteName(SqlDialect::MySQL, name), mysql);
}

void tst_Runner::versionTableCreatedOnFirstUpgrade()
{
    auto c = open();
    QVERIFY(c);
    QCOMPARE(*VersionTable::tableExists(*c, u"alembic_version"_s), false);
    Runner runner(*c, options(), m_lookup);
    QCOMPARE(*runner.currentHeads(), QStringList());
    QCOMPARE(*VersionTable::tableExists(*c, u"alembic_version"_s), false); // reading creates nothing
    NullProgressSink sink;
    const Result<RunReport> report = runCommand(*c, branchySequence().at(0), options(), sink);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    const auto ddl = c->select(u"SELECT sql FROM sqlite_master WHERE name = 'alembic_version'"_s);
    QVERIFY(ddl && ddl->size() == 1);
    QCOMPARE(ddl->first().first().toString(),
             VersionTable::createSql(SqlDialect::SQLite, u"alembic_version"_s));
    const auto pk = c->select(u"SELECT name, pk, \"notnull\", type FROM pragma_table_info('alembic_version')"_s);
    QVERIFY(pk && pk->size() == 1);
    QCOMPARE(pk->first(), (QVariantList{u"version_num"_s, 1, 1, u"VARCHAR(32)"_s}));
    QCOMPARE(versionRows(*c), QStringList{u"c3"_s});
    QCOMPARE(report->headsBefore, QStringList());
    QCOMPARE(report->headsAfter, QStringList{u"c3"_s});
    QCOMPARE(report->steps.size(), 2);
}

void tst_Runner::versionTableApplyRejectsMissingRow()
{
    auto c = open();
    QVERIFY(c);
    VersionTable versions(*c, u"alembic_version"_s);
    QVERIFY(versions.ensureCreated());
    QVERIFY(versions.ensureCreated()); // checkfirst
    QVERIFY(versions.apply(insert(u"a1"_s)));
    const Result<> missing = versions.apply(RunnerTestKit::update(u"zz"_s, u"b2"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().message,
             u"Online migration expected to match one row when updating 'zz' to 'b2' in "
             "'alembic_version'; 0 found"_s);
    QVERIFY(!versions.apply(remove(u"zz"_s)));
    QVERIFY(!versions.apply(insert(u"a1"_s))); // primary key
    QCOMPARE(*versions.heads(), QStringList{u"a1"_s});
}

void tst_Runner::branchySequenceLeavesAlembicsRows_data()
{
    QTest::addColumn<bool>("transactionPerMigration");
    QTest::newRow("per migration") << true;
    QTest::newRow("one transaction") << false;
}

void tst_Runner::branchySequenceLeavesAlembicsRows()
{
    QFETCH(bool, transactionPerMigration);
    auto c = open();
    QVERIFY(c);
    const QList<Command> sequence = branchySequence();
    for (int i = 0; i < sequence.size(); ++i) {
        const Command &cmd = sequence.at(i);
        NullProgressSink sink;
        const Result<RunReport> report = runCommand(*c, cmd, options(transactionPerMigration), sink);
        QVERIFY2(report, qPrintable(cmd.name + u": "_s + (report ? QString() : report.error().toString())));
        QCOMPARE(versionRows(*c), cmd.plan.headsAfter);
        QStringList after = report->headsAfter;
        after.sort();
        QCOMPARE(after, cmd.plan.headsAfter);
        QCOMPARE(testTables(*c), expectedTablesAfter(i));
    }
}

void tst_Runner::eachStepCommitsBeforeTheNext()
{
    // SQLite's whole-command lock keeps other connections out, so look through the runner's own
    // connection when each StepFinished arrives: no transaction is open (BEGIN would fail inside
    // one), and the step's rows are there.
    auto c = open();
    QVERIFY(c);
    QList<QPair<QStringList, QStringList>> seen;
    bool outsideTransaction = true;
    RecordingSink sink;
    sink.onEvent = [&](const Progress::Event &e) {
        if (!std::holds_alternative<Progress::StepFinished>(e))
            return;
        seen << qMakePair(versionRows(*c), testTables(*c));
        outsideTransaction = outsideTransaction && c->exec(u"BEGIN"_s) && c->exec(u"ROLLBACK"_s);
    };
    CancelToken cancel;
    const Result<RunReport> report =
        Runner(*c, options(), m_lookup).migrate(branchySequence().at(0).plan, sink, cancel);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    QVERIFY(outsideTransaction);
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen.at(0), qMakePair(QStringList{u"a1"_s}, QStringList{u"t_a1"_s}));
    QCOMPARE(seen.at(1), qMakePair(QStringList{u"c3"_s}, QStringList{u"t_a1"_s, u"t_c3"_s}));
}

void tst_Runner::eventsDescribeEachStep()
{
    auto c = open();
    QVERIFY(c);
    RecordingSink sink;
    QVERIFY(runCommand(*c, branchySequence().at(0), options(), sink));
    // PlanReady, then per step: StepStarted, 2 x StatementDone, StepFinished.
    QCOMPARE(sink.events.size(), 1 + 2 * 4);
    QCOMPARE(std::get<Progress::PlanReady>(sink.events.at(0)).steps, 2);
    const auto started = std::get<Progress::StepStarted>(sink.events.at(5));
    QCOMPARE(started.index, 1);
    QCOMPARE(started.count, 2);
    QCOMPARE(started.direction, Direction::Upgrade);
    QCOMPARE(started.fromRevisions, QStringList{u"a1"_s});
    QCOMPARE(started.toRevisions, QStringList{u"c3"_s});
    QCOMPARE(started.revision, u"c3"_s);
    QCOMPARE(started.message, u"add c"_s);
    const auto statement = std::get<Progress::StatementDone>(sink.events.at(7));
    QCOMPARE(statement.sql, u"INSERT INTO t_c3 (id, note) VALUES (1, 'c3')"_s);
    QCOMPARE(statement.line, 11);
    QCOMPARE(std::get<Progress::StepFinished>(sink.events.at(8)).revision, u"c3"_s);
}

void tst_Runner::failingStatementRollsBackItsRevision_data()
{
    QTest::addColumn<bool>("transactionPerMigration");
    QTest::newRow("per migration") << true;
    QTest::newRow("one transaction") << false;
}

void tst_Runner::failingStatementRollsBackItsRevision()
{
    QFETCH(bool, transactionPerMigration);
    m_graph[u"c3"_s].upgradeSql = u"CREATE TABLE t_c3 (id INTEGER);\nINSERT INTO t_c3 VALUES (1);\n"
                                  "INSERT INTO no_such_table VALUES (1);\nCREATE TABLE t_c3b (id INTEGER);\n"_s;
    auto c = open();
    QVERIFY(c);
    RecordingSink sink;
    const Result<RunReport> report = runCommand(*c, branchySequence().at(0), options(transactionPerMigration), sink);
    QVERIFY(!report);
    const Error &e = report.error();
    QCOMPARE(e.kind, Error::Kind::Database);
    QCOMPARE(e.file, m_graph.value(u"c3"_s).filePath);
    QCOMPARE(e.line, 12);
    QCOMPARE(e.sql, u"INSERT INTO no_such_table VALUES (1)"_s);
    QVERIFY2(e.message.contains(u"no such table: no_such_table"_s), qPrintable(e.message));
    QVERIFY2(e.message.contains(u"Running upgrade a1 -> c3 failed"_s), qPrintable(e.message));
    QCOMPARE(sink.count(2), 2 + 2); // a1's two statements, then c3's first two
    if (transactionPerMigration) {
        QVERIFY2(e.message.contains(u"Committed before it and still applied: a1."_s), qPrintable(e.message));
        QVERIFY2(e.message.contains(u"The version table holds: a1."_s), qPrintable(e.message));
        QCOMPARE(versionRows(*c), QStringList{u"a1"_s});
        QCOMPARE(testTables(*c), QStringList{u"t_a1"_s});
    } else {
        QVERIFY2(e.message.contains(u"Rolled back with it (one transaction for the command): a1."_s),
                 qPrintable(e.message));
        QVERIFY2(e.message.contains(u"No revision was committed."_s), qPrintable(e.message));
        QCOMPARE(versionRows(*c), QStringList());
        QCOMPARE(testTables(*c), QStringList());
    }
    QVERIFY(e.toString().startsWith(m_graph.value(u"c3"_s).filePath + u":12: "_s));
}

void tst_Runner::irreversibleDowngradeFailsBeforeRunning()
{
    auto c = open();
    QVERIFY(c);
    NullProgressSink sink;
    QVERIFY(runCommand(*c, branchySequence().at(0), options(), sink));
    m_graph[u"a1"_s].downgradeSql.reset();
    const MigrationPlan downToBase = plan({u"c3"_s},
                                          {down(u"c3"_s, {u"a1"_s}, {RunnerTestKit::update(u"c3"_s, u"a1"_s)}),
                                           down(u"a1"_s, {}, {remove(u"a1"_s)})},
                                          {});
    RecordingSink recording;
    CancelToken cancel;
    const Result<RunReport> report = Runner(*c, options(), m_lookup).migrate(downToBase, recording, cancel);
    QVERIFY(!report);
    QCOMPARE(report.error().kind, Error::Kind::Script);
    QCOMPARE(report.error().file, m_graph.value(u"a1"_s).filePath);
    QVERIFY2(report.error().message.contains(u"a1 has no downgrade section"_s), qPrintable(report.error().message));
    QVERIFY(recording.events.isEmpty());
    QCOMPARE(versionRows(*c), QStringList{u"c3"_s});
    QCOMPARE(testTables(*c), (QStringList{u"t_a1"_s, u"t_c3"_s}));
}

void tst_Runner::cancelBetweenStatementsRollsBackStep()
{
    auto c = open();
    QVERIFY(c);
    CancelToken cancel;
    RecordingSink sink;
    sink.cancelToken = &cancel;
    sink.cancelAfterStatements = 3; // a1's two, then c3's first
    const Result<RunReport> report = Runner(*c, options(), m_lookup).migrate(branchySequence().at(0).plan, sink, cancel);
    QVERIFY(!report);
    QCOMPARE(report.error().kind, Error::Kind::Cancelled);
    QVERIFY2(report.error().message.contains(u"Committed before it and still applied: a1."_s),
             qPrintable(report.error().message));
    QCOMPARE(versionRows(*c), QStringList{u"a1"_s});
    QCOMPARE(testTables(*c), QStringList{u"t_a1"_s});
}

void tst_Runner::cancelBetweenStepsKeepsCommittedSteps()
{
    auto c = open();
    QVERIFY(c);
    CancelToken cancel;
    RecordingSink sink;
    sink.onEvent = [&](const Progress::Event &e) {
        if (std::holds_alternative<Progress::StepFinished>(e))
            cancel.cancel();
    };
    const Result<RunReport> report = Runner(*c, options(), m_lookup).migrate(branchySequence().at(0).plan, sink, cancel);
    QVERIFY(!report);
    QCOMPARE(report.error().kind, Error::Kind::Cancelled);
    QVERIFY2(report.error().message.startsWith(u"Cancelled after 1 of 2 revisions."_s), qPrintable(report.error().message));
    QCOMPARE(versionRows(*c), QStringList{u"a1"_s});
}

void tst_Runner::noTransactionRevisionRunsOutsideTransaction()
{
    // SQLite refuses VACUUM inside a transaction.
    m_graph[u"a1"_s].upgradeSql = u"CREATE TABLE t_a1 (id INTEGER);\nVACUUM;\n"_s;
    auto c = open();
    QVERIFY(c);
    NullProgressSink sink;
    const MigrationPlan first = plan({}, {up(u"a1"_s, {}, {insert(u"a1"_s)})}, {u"a1"_s});
    CancelToken cancel;
    Result<RunReport> report = Runner(*c, options(), m_lookup).migrate(first, sink, cancel);
    QVERIFY(!report);
    QVERIFY2(report.error().message.contains(u"VACUUM"_s), qPrintable(report.error().message));
    m_graph[u"a1"_s].noTransaction = true;
    for (bool perMigration : {true, false}) {
        report = Runner(*c, options(perMigration), m_lookup).migrate(first, sink, cancel);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        QCOMPARE(versionRows(*c), QStringList{u"a1"_s});
        QVERIFY(c->exec(u"DROP TABLE t_a1"_s));
        QVERIFY(c->exec(u"DELETE FROM alembic_version"_s));
    }
}

void tst_Runner::historyRecordsEveryRun()
{
    auto c = open();
    QVERIFY(c);
    NullProgressSink sink;
    const QList<Command> sequence = branchySequence();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    for (const Command &cmd : sequence)
        QVERIFY(runCommand(*c, cmd, options(), sink));
    const Result<QList<HistoryEntry>> rows = HistoryTable(*c, u"retort_history"_s).entries();
    QVERIFY(rows);
    QStringList seen;
    for (const HistoryEntry &e : *rows) {
        seen << directionName(e.direction) + u' ' + e.revision;
        QCOMPARE(e.checksum, RevisionScript::checksumOf(m_graph.value(e.revision)));
        QVERIFY(e.appliedAt.isValid());
        QCOMPARE(e.appliedAt.timeSpec(), Qt::UTC);
        QVERIFY(e.appliedAt >= before && e.appliedAt <= QDateTime::currentDateTimeUtc());
        QVERIFY(e.durationMs >= 0);
        QCOMPARE(e.appliedBy, HistoryTable::currentUser());
        QCOMPARE(e.host, HistoryTable::currentHost());
        QCOMPARE(e.retortVersion, QStringLiteral(RETORT_VERSION));
    }
    QCOMPARE(seen, (QStringList{u"upgrade a1"_s, u"upgrade c3"_s, u"upgrade b2"_s, u"upgrade d4"_s,
                                u"upgrade e5"_s, u"downgrade e5"_s, u"downgrade d4"_s,
                                u"downgrade c3"_s, u"stamp c3"_s, u"downgrade b2"_s}));
    // ISO 8601 text, UTC.
    const auto text = c->select(u"SELECT applied_at FROM retort_history ORDER BY id LIMIT 1"_s);
    QVERIFY(text && !text->isEmpty());
    QVERIFY(QDateTime::fromString(text->first().first().toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(text->first().first().toString().endsWith(u'Z'));
}

void tst_Runner::historyDisabledWhenNameEmpty()
{
    auto c = open();
    QVERIFY(c);
    RunOptions o = options();
    o.tables.historyTable.clear();
    NullProgressSink sink;
    QVERIFY(runCommand(*c, branchySequence().at(0), o, sink));
    QCOMPARE(*VersionTable::tableExists(*c, u"retort_history"_s), false);
    o.tables.historyTable = u"audit_log"_s;
    o.tables.versionTable = u"my_version"_s;
    const Command again{u"upgrade b2"_s, plan({}, {up(u"b2"_s, {}, {insert(u"b2"_s)})}, {u"b2"_s})};
    QVERIFY(runCommand(*c, again, o, sink));
    QCOMPARE(*VersionTable::tableExists(*c, u"audit_log"_s), true);
    QCOMPARE(versionRows(*c, u"my_version"_s), QStringList{u"b2"_s});
    QCOMPARE(versionRows(*c), QStringList{u"c3"_s});
}

void tst_Runner::latestChecksumsFindEditedRevisions()
{
    auto c = open();
    QVERIFY(c);
    NullProgressSink sink;
    const QList<Command> sequence = branchySequence();
    QVERIFY(runCommand(*c, sequence.at(0), options(), sink));
    const QString c3Before = RevisionScript::checksumOf(m_graph.value(u"c3"_s));
    // Downgrade c3, edit it, upgrade again: the latest row carries the new text's checksum.
    const Command downC3{u"down"_s, plan({u"c3"_s}, {down(u"c3"_s, {u"a1"_s}, {RunnerTestKit::update(u"c3"_s, u"a1"_s)})}, {u"a1"_s})};
    QVERIFY(runCommand(*c, downC3, options(), sink));
    m_graph[u"c3"_s].source += "-- edited\n";
    const Command upC3{u"up"_s, plan({u"a1"_s}, {up(u"c3"_s, {u"a1"_s}, {RunnerTestKit::update(u"a1"_s, u"c3"_s)})}, {u"c3"_s})};
    QVERIFY(runCommand(*c, upC3, options(), sink));
    const Result<QHash<QString, QString>> latest = HistoryTable(*c, u"retort_history"_s).latestChecksums();
    QVERIFY(latest);
    QCOMPARE(latest->size(), 2);
    QCOMPARE(latest->value(u"a1"_s), RevisionScript::checksumOf(m_graph.value(u"a1"_s)));
    QCOMPARE(latest->value(u"c3"_s), RevisionScript::checksumOf(m_graph.value(u"c3"_s)));
    QVERIFY(latest->value(u"c3"_s) != c3Before);
    // Stamping base takes c3 away: a row without checksum, and c3 counts as applied no more.
    MigrationStep toBase{MigrationStep::Direction::Downgrade, u"c3"_s, {u"c3"_s}, {}, {remove(u"c3"_s)}};
    toBase.stamp = true;
    QVERIFY(runCommand(*c, Command{u"stamp base"_s, plan({u"c3"_s}, {toBase}, {})}, options(), sink));
    const Result<QList<HistoryEntry>> rows = HistoryTable(*c, u"retort_history"_s).entries();
    QVERIFY(rows && !rows->isEmpty());
    QCOMPARE(rows->last().direction, Direction::Stamp);
    QCOMPARE(rows->last().revision, u"c3"_s);
    QCOMPARE(rows->last().checksum, QString());
    const Result<QHash<QString, QString>> afterStamp = HistoryTable(*c, u"retort_history"_s).latestChecksums();
    QVERIFY(afterStamp);
    QCOMPARE(afterStamp->contains(u"c3"_s), false);
    QCOMPARE(versionRows(*c), QStringList());
}

void tst_Runner::plannerSeesHeadsReadUnderLock()
{
    auto c = open();
    QVERIFY(c);
    NullProgressSink sink;
    QVERIFY(runCommand(*c, branchySequence().at(0), options(), sink));
    QStringList given;
    CancelToken cancel;
    const Result<RunReport> report = Runner(*c, options(), m_lookup).migrate(
        [&](const QStringList &heads) {
            given = heads;
            return Result<MigrationPlan>(plan(heads, {}, heads));
        },
        sink, cancel);
    QVERIFY(report);
    QCOMPARE(given, QStringList{u"c3"_s});
    QVERIFY(report->steps.isEmpty());
    QCOMPARE(report->headsAfter, QStringList{u"c3"_s});
}

void tst_Runner::stepReplansWhenVersionTableChanged()
{
    // In WAL mode another connection can still write while the runner holds its lock. Here it
    // applies a1 after the runner planned from base: the runner's first step sees the change,
    // rolls back, and plans again from a1, so a1 runs once.
    auto c = open();
    auto other = open();
    QVERIFY(c && other);
    const auto mode = c->select(u"PRAGMA journal_mode=WAL"_s);
    QVERIFY(mode && mode->value(0).value(0).toString() == u"wal"_s);
    QList<QStringList> given;
    RecordingSink sink;
    CancelToken cancel;
    const Result<RunReport> report = Runner(*c, options(), m_lookup).migrate(
        [&](const QStringList &heads) -> Result<MigrationPlan> {
            given << heads;
            if (given.size() == 1) {
                VersionTable theirs(*other, u"alembic_version"_s);
                if (!theirs.ensureCreated() || !theirs.apply(insert(u"a1"_s))
                    || !other->exec(u"CREATE TABLE t_a1 (id INTEGER)"_s))
                    return Error(Error::Kind::Internal, u"setup failed"_s);
            }
            return heads.isEmpty() ? branchySequence().at(0).plan
                                   : plan(heads, {up(u"c3"_s, {u"a1"_s}, {RunnerTestKit::update(u"a1"_s, u"c3"_s)})}, {u"c3"_s});
        },
        sink, cancel);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    QCOMPARE(given, (QList<QStringList>{{}, {u"a1"_s}}));
    QCOMPARE(report->steps.size(), 1);
    QCOMPARE(report->steps.first().revision, u"c3"_s);
    QCOMPARE(versionRows(*c), QStringList{u"c3"_s});
    QCOMPARE(sink.count(4), 1); // Info: planning again
    QCOMPARE(sink.count(0), 2); // PlanReady twice
}

void tst_Runner::fixedPlanRefusesChangedDatabase()
{
    auto c = open();
    QVERIFY(c);
    NullProgressSink sink;
    QVERIFY(runCommand(*c, branchySequence().at(0), options(), sink));
    const Result<RunReport> again = runCommand(*c, branchySequence().at(0), options(), sink);
    QVERIFY(!again);
    QCOMPARE(again.error().kind, Error::Kind::Graph);
    QVERIFY2(again.error().message.contains(u"holds c3, the plan starts from <base>"_s),
             qPrintable(again.error().message));
    QCOMPARE(versionRows(*c), QStringList{u"c3"_s});
}

void tst_Runner::purgeEmptiesVersionTableBeforeStamp()
{
    // stamp --purge: a row no revision file knows is removed before the stamp (Alembic's way
    // out of a version table that names a deleted revision).
    auto c = open();
    QVERIFY(c);
    VersionTable versions(*c, u"alembic_version"_s);
    QVERIFY(versions.ensureCreated());
    QVERIFY(versions.apply(insert(u"zz_unknown"_s)));
    QStringList given{u"not called"_s};
    NullProgressSink sink;
    CancelToken cancel;
    const Result<RunReport> report = Runner(*c, options(), m_lookup).migrate(
        [&](const QStringList &heads) {
            given = heads;
            MigrationStep stamp{MigrationStep::Direction::Upgrade, {}, {}, {u"b2"_s}, {insert(u"b2"_s)}};
            stamp.stamp = true;
            MigrationPlan p = plan(heads, {stamp}, {u"b2"_s});
            p.purge = true;
            return Result<MigrationPlan>(p);
        },
        sink, cancel);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    QCOMPARE(given, QStringList{u"zz_unknown"_s});
    QCOMPARE(versionRows(*c), QStringList{u"b2"_s});
    QCOMPARE(testTables(*c), QStringList()); // a stamp runs no SQL, even through migrate()
    const Result<QList<HistoryEntry>> history = HistoryTable(*c, u"retort_history"_s).entries();
    QVERIFY(history && history->size() == 1);
    QCOMPARE(history->first().direction, Direction::Stamp);
    QCOMPARE(history->first().revision, u"b2"_s);
    QCOMPARE(history->first().checksum, RevisionScript::checksumOf(m_graph.value(u"b2"_s)));
}

void tst_Runner::lockTimesOutWithLockError()
{
    auto holder = open();
    auto waiter = open();
    QVERIFY(holder && waiter);
    CancelToken cancel;
    Result<std::unique_ptr<DatabaseLock>> held = DatabaseLock::acquire(*holder, u"alembic_version"_s, 1000, cancel);
    QVERIFY2(held, qPrintable(held ? QString() : held.error().toString()));
    RunOptions o = options();
    o.lockTimeoutMs = 400;
    NullProgressSink sink;
    const Result<RunReport> report = Runner(*waiter, o, m_lookup).migrate(branchySequence().at(0).plan, sink, cancel);
    QVERIFY(!report);
    QCOMPARE(report.error().kind, Error::Kind::Lock);
    QVERIFY2(report.error().message.startsWith(u"Could not take the migration lock on sqlite:///"_s),
             qPrintable(report.error().message));
    QVERIFY(held->get()->release());
    // Free again: the same run now succeeds, and the holder's connection still works.
    QVERIFY(Runner(*waiter, o, m_lookup).migrate(branchySequence().at(0).plan, sink, cancel));
    QCOMPARE(versionRows(*holder), QStringList{u"c3"_s});
    // A cancelled wait ends with Kind::Cancelled.
    held = DatabaseLock::acquire(*holder, u"alembic_version"_s, 1000, cancel);
    QVERIFY(held);
    cancel.cancel();
    const Result<std::unique_ptr<DatabaseLock>> cancelled = DatabaseLock::acquire(*waiter, u"alembic_version"_s, 5000, cancel);
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.error().kind, Error::Kind::Cancelled);
}

void tst_Runner::inMemoryDatabaseNeedsNoLock()
{
    const Result<DatabaseUrl> url = DatabaseUrl::parse(u"sqlite://"_s);
    QVERIFY(url && url->isMemory());
    Result<std::unique_ptr<Connection>> c = Connection::open(*url);
    QVERIFY(c);
    NullProgressSink sink;
    QVERIFY(runCommand(**c, branchySequence().at(0), options(), sink));
    QCOMPARE(versionRows(**c), QStringList{u"c3"_s});
    QCOMPARE(testTables(**c), (QStringList{u"t_a1"_s, u"t_c3"_s}));
}

namespace {

// a1: parent and child (ON DELETE CASCADE) with a row each; b2 rebuilds parent (SQLite's recipe);
// c3 deletes the parent row, leaving the child row dangling.
void setUpForeignKeyRevisions(QHash<QString, Revision> &graph)
{
    graph[u"a1"_s].upgradeSql = u"CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n"
                                "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER "
                                "REFERENCES parent (id) ON DELETE CASCADE);\n"
                                "INSERT INTO parent VALUES (1, 'p');\nINSERT INTO child VALUES (1, 1);\n"_s;
    graph[u"b2"_s].upgradeSql = u"CREATE TABLE parent_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');\n"
                                "INSERT INTO parent_new SELECT id, name FROM parent;\nDROP TABLE parent;\n"
                                "ALTER TABLE parent_new RENAME TO parent;\n"_s;
    graph[u"c3"_s].upgradeSql = u"DELETE FROM parent;\n"_s;
}

} // namespace

void tst_Runner::sqliteTableRebuildKeepsChildRows()
{
    setUpForeignKeyRevisions(m_graph);
    auto c = open();
    QVERIFY(c);
    const auto on = c->select(u"PRAGMA foreign_keys"_s);
    QVERIFY(on && on->value(0).value(0).toInt() == 1); // Connection turns them on
    NullProgressSink sink;
    const Command rebuild{u"upgrade b2"_s, plan({}, {up(u"a1"_s, {}, {insert(u"a1"_s)}),
                                                    up(u"b2"_s, {u"a1"_s}, {RunnerTestKit::update(u"a1"_s, u"b2"_s)})}, {u"b2"_s})};
    const Result<RunReport> report = runCommand(*c, rebuild, options(), sink);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    const auto children = c->select(u"SELECT id, parent_id FROM child"_s);
    QVERIFY(children);
    QCOMPARE(*children, (QList<QVariantList>{{1, 1}})); // DROP TABLE parent cascaded to nothing
    const auto after = c->select(u"PRAGMA foreign_keys"_s);
    QVERIFY(after && after->value(0).value(0).toInt() == 1); // back on after the run
}

void tst_Runner::sqliteForeignKeyViolationFailsStep()
{
    setUpForeignKeyRevisions(m_graph);
    auto c = open();
    QVERIFY(c);
    NullProgressSink sink;
    const Command orphan{u"upgrade c3"_s, plan({}, {up(u"a1"_s, {}, {insert(u"a1"_s)}),
                                                   up(u"c3"_s, {u"a1"_s}, {RunnerTestKit::update(u"a1"_s, u"c3"_s)})}, {u"c3"_s})};
    const Result<RunReport> report = runCommand(*c, orphan, options(), sink);
    QVERIFY(!report);
    QVERIFY2(report.error().message.contains(u"Foreign key check failed before commit, rows break a "
                                             "foreign key: child rowid 1 (no row in parent). Fix or "
                                             "delete those rows, or run again with "
                                             "--no-foreign-key-check to keep them."_s),
             qPrintable(report.error().message));
    QCOMPARE(versionRows(*c), QStringList{u"a1"_s});
    const auto parents = c->select(u"SELECT count(*) FROM parent"_s);
    QVERIFY(parents && parents->value(0).value(0).toInt() == 1); // c3 rolled back
}

namespace {

QString typeOf(Connection &c, const QString &table, const QString &column)
{
    const auto rows = c.select(u"SELECT type FROM pragma_table_info('%1') WHERE name = '%2'"_s.arg(table, column));
    return rows && !rows->isEmpty() ? rows->first().value(0).toString() : QString();
}

int statementsRun(const RecordingSink &sink)
{
    return sink.count(Progress::Event(Progress::StatementDone{}).index());
}

QStringList tableNames(Connection &c)
{
    QStringList names;
    if (const auto rows = c.select(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s)) {
        for (const QVariantList &row : *rows)
            names << row.value(0).toString();
    }
    return names;
}

// What `revision --autogenerate` writes when the database must become `models`: the rendered
// sections and the markers the renderer asks for (as Workspace::writeAutogenerated does).
Result<Revision> autogenerated(Connection &target, const QString &models, Revision r)
{
    Result<std::unique_ptr<Connection>> scratch = Connection::open(*DatabaseUrl::parse(u"sqlite://"_s));
    if (!scratch)
        return scratch.error();
    const Result<StatementList> statements = StatementSplitter::split(models, SqlDialect::SQLite);
    if (!statements)
        return statements.error();
    for (const Statement &s : *statements) {
        if (Result<> e = (*scratch)->exec(s.text); !e)
            return e.error();
    }
    const Result<Schema::Database> before = SqliteIntrospector::introspect(target.database());
    const Result<Schema::Database> after = SqliteIntrospector::introspect((*scratch)->database());
    if (!before || !after)
        return Error(Error::Kind::Internal, u"introspection failed"_s);
    const Result<RenderedMigration> m = SqlRenderer::create(SqlDialect::SQLite)
                                            ->renderMigration(*before, Ops::Differ::diff(*before, *after).operations);
    if (!m)
        return m.error();
    const auto join = [](const RenderedStatementList &list) {
        QString sql;
        for (const RenderedStatement &s : list)
            sql += s.sql + u";\n"_s;
        return sql;
    };
    r.upgradeSql = join(m->upgrade);
    r.downgradeSql = join(m->downgrade);
    r.noTransaction = RenderedMigration::needsNoTransaction(m->upgrade)
                      || RenderedMigration::needsNoTransaction(m->downgrade);
    r.foreignKeysOff = RenderedMigration::needsForeignKeysOff(m->upgrade)
                       || RenderedMigration::needsForeignKeysOff(m->downgrade);
    return r;
}

} // namespace

void tst_Runner::sqliteRebuildOverOrphanRowsChangesNothing_data()
{
    QTest::addColumn<bool>("perMigration");
    QTest::newRow("per migration") << true;
    QTest::newRow("one transaction") << false;
}

// Issue #14, 1: child holds a row whose parent is missing (SQLite enforces nothing while
// foreign keys are off); a revision that rebuilds parent, which child refers to, and adds a
// table must change nothing, name the row and say how to go on; waived, it applies whole.
void tst_Runner::sqliteRebuildOverOrphanRowsChangesNothing()
{
    QFETCH(bool, perMigration);
    const QString models = u"CREATE TABLE parent (id INTEGER PRIMARY KEY, a INTEGER);\n"
                           "CREATE TABLE child (id INTEGER PRIMARY KEY, pid INTEGER REFERENCES parent (id));\n"_s;
    m_graph[u"a1"_s].upgradeSql = models;
    auto c = open();
    QVERIFY(c);
    NullProgressSink sink;
    const Command first{u"upgrade a1"_s, plan({}, {up(u"a1"_s, {}, {insert(u"a1"_s)})}, {u"a1"_s})};
    QVERIFY(runCommand(*c, first, options(perMigration), sink));
    QVERIFY(c->exec(u"PRAGMA foreign_keys=OFF"_s));
    QVERIFY(c->exec(u"INSERT INTO child VALUES (1, 999)"_s));
    QVERIFY(c->exec(u"PRAGMA foreign_keys=ON"_s));
    const Result<Revision> rebuild = autogenerated(
        *c, QString(models).replace(u"a INTEGER"_s, u"a TEXT"_s) + u"CREATE TABLE extra (id INTEGER);\n"_s,
        m_graph.value(u"b2"_s));
    QVERIFY2(rebuild, qPrintable(rebuild ? QString() : rebuild.error().toString()));
    QVERIFY(rebuild->foreignKeysOff);
    QVERIFY(!rebuild->noTransaction);
    m_graph[u"b2"_s] = *rebuild;
    const QStringList tablesBefore = tableNames(*c);

    const Command second{u"upgrade b2"_s, plan({u"a1"_s}, {up(u"b2"_s, {u"a1"_s}, {RunnerTestKit::update(u"a1"_s, u"b2"_s)})}, {u"b2"_s})};
    RecordingSink events;
    Result<RunReport> report = runCommand(*c, second, options(perMigration), events);
    QVERIFY(!report);
    const Error &e = report.error();
    QCOMPARE(e.file, rebuild->filePath);
    QVERIFY2(e.message.contains(u"child rowid 1 (no row in parent); nothing was run. Fix or delete those "
                                "rows, or run again with --no-foreign-key-check"_s),
             qPrintable(e.message));
    QCOMPARE(statementsRun(events), 0);
    QCOMPARE(versionRows(*c), QStringList{u"a1"_s});
    QCOMPARE(tableNames(*c), tablesBefore); // no "extra", no "_retort_tmp_parent"
    QCOMPARE(typeOf(*c, u"parent"_s, u"a"_s), u"INTEGER"_s);
    auto on = c->select(u"PRAGMA foreign_keys"_s);
    QVERIFY(on && on->value(0).value(0).toInt() == 1);

    // The same again fails the same way (nothing was left half done), and waived it applies.
    QVERIFY(!runCommand(*c, second, options(perMigration), sink));
    RunOptions waived = options(perMigration);
    waived.foreignKeyCheck = false;
    report = runCommand(*c, second, waived, sink);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    QCOMPARE(versionRows(*c), QStringList{u"b2"_s});
    QVERIFY(tableNames(*c).contains(u"extra"_s));
    QCOMPARE(typeOf(*c, u"parent"_s, u"a"_s), u"TEXT"_s);
    const auto children = c->select(u"SELECT id, pid FROM child"_s);
    QVERIFY(children);
    QCOMPARE(*children, (QList<QVariantList>{{1, 999}}));
    on = c->select(u"PRAGMA foreign_keys"_s);
    QVERIFY(on && on->value(0).value(0).toInt() == 1);
}

void tst_Runner::foreignKeysOffRevisionChecksInsideItsTransaction_data()
{
    QTest::addColumn<bool>("perMigration");
    QTest::newRow("per migration") << true;
    QTest::newRow("one transaction") << false;
}

// A clean database, but the revision itself leaves a row without its parent: the check inside
// the transaction rolls all of it back, version row included.
void tst_Runner::foreignKeysOffRevisionChecksInsideItsTransaction()
{
    QFETCH(bool, perMigration);
    setUpForeignKeyRevisions(m_graph);
    m_graph[u"b2"_s].foreignKeysOff = true;
    m_graph[u"b2"_s].upgradeSql += u"CREATE TABLE t_extra (id INTEGER);\nDELETE FROM parent;\n"_s;
    auto c = open();
    QVERIFY(c);
    NullProgressSink sink;
    const Command cmd{u"upgrade b2"_s, plan({}, {up(u"a1"_s, {}, {insert(u"a1"_s)}),
                                                up(u"b2"_s, {u"a1"_s}, {RunnerTestKit::update(u"a1"_s, u"b2"_s)})}, {u"b2"_s})};
    const Result<RunReport> report = runCommand(*c, cmd, options(perMigration), sink);
    QVERIFY(!report);
    QVERIFY2(report.error().message.contains(u"Foreign key check failed before commit, rows break a "
                                             "foreign key: child rowid 1 (no row in parent)."_s),
             qPrintable(report.error().message));
    QCOMPARE(testTables(*c), QStringList()); // no t_extra
    QCOMPARE(versionRows(*c), perMigration ? QStringList{u"a1"_s} : QStringList());
    const auto parents = c->select(u"SELECT count(*) FROM parent"_s);
    QCOMPARE(bool(parents), perMigration); // one transaction: a1 rolled back too
    if (parents)
        QCOMPARE(parents->value(0).value(0).toInt(), 1);
    const auto on = c->select(u"PRAGMA foreign_keys"_s);
    QVERIFY(on && on->value(0).value(0).toInt() == 1);
}

void tst_Runner::transactionControlRefusedBeforeAnythingRuns_data()
{
    QTest::addColumn<QString>("sql"); // c3's upgrade; a1 runs before it in the same command
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("keyword");
    QTest::newRow("commit") << u"INSERT INTO t_a1 VALUES (2, 'x');\nCOMMIT;\nINSERT INTO missing VALUES (1);\n"_s
                            << 11 << u"COMMIT"_s;
    QTest::newRow("begin") << u"BEGIN IMMEDIATE;\nCREATE TABLE t_c3 (id INTEGER);\n"_s << 10 << u"BEGIN"_s;
    QTest::newRow("end") << u"CREATE TABLE t_c3 (id INTEGER);\n\nEND TRANSACTION;\n"_s << 12 << u"END"_s;
    QTest::newRow("rollback") << u"CREATE TABLE t_c3 (id INTEGER);\nrollback;\n"_s << 11 << u"ROLLBACK"_s;
    QTest::newRow("savepoint") << u"SAVEPOINT s;\nCREATE TABLE t_c3 (id INTEGER);\nRELEASE s;\n"_s << 10
                               << u"SAVEPOINT"_s;
    QTest::newRow("release") << u"CREATE TABLE t_c3 (id INTEGER);\n/* done */ RELEASE s;\n"_s << 11 << u"RELEASE"_s;
}

// Issue #14, 4: the whole plan is checked before the first revision runs.
void tst_Runner::transactionControlRefusedBeforeAnythingRuns()
{
    QFETCH(QString, sql);
    QFETCH(int, line);
    QFETCH(QString, keyword);
    m_graph[u"c3"_s].upgradeSql = sql;
    auto c = open();
    QVERIFY(c);
    for (bool perMigration : {true, false}) {
        RecordingSink sink;
        const Result<RunReport> report = runCommand(*c, branchySequence().at(0), options(perMigration), sink);
        QVERIFY(!report);
        const Error &e = report.error();
        QCOMPARE(e.kind, Error::Kind::Script);
        QCOMPARE(e.file, m_graph.value(u"c3"_s).filePath);
        QCOMPARE(e.line, line);
        QVERIFY2(e.message.startsWith(keyword + u" in revision c3, which runs in a transaction"_s), qPrintable(e.message));
        QVERIFY2(e.message.contains(u"\"-- migrate:no-transaction\""_s), qPrintable(e.message));
        QVERIFY2(e.message.endsWith(u"nothing was run."_s), qPrintable(e.message));
        QCOMPARE(statementsRun(sink), 0);
        QCOMPARE(versionRows(*c), QStringList());
        QCOMPARE(testTables(*c), QStringList());
    }
}

void tst_Runner::transactionControlAllowedWithoutTransaction()
{
    m_graph[u"c3"_s].noTransaction = true;
    m_graph[u"c3"_s].upgradeSql = u"BEGIN;\nCREATE TABLE t_c3 (id INTEGER);\nSAVEPOINT s;\n"
                                  "INSERT INTO t_c3 VALUES (1);\nROLLBACK TO s;\nCOMMIT;\n"_s;
    // A trigger's BEGIN ... END is no transaction control, in a transactional revision too.
    m_graph[u"a1"_s].upgradeSql += u"CREATE TRIGGER tr_a1 AFTER INSERT ON t_a1 BEGIN\n"
                                   "  UPDATE t_a1 SET note = 'x' WHERE id = NEW.id;\nEND;\n"_s;
    auto c = open();
    QVERIFY(c);
    NullProgressSink sink;
    const Result<RunReport> report = runCommand(*c, branchySequence().at(0), options(), sink);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
    QCOMPARE(versionRows(*c), QStringList{u"c3"_s});
    QCOMPARE(testTables(*c), (QStringList{u"t_a1"_s, u"t_c3"_s}));
    const auto rows = c->select(u"SELECT count(*) FROM t_c3"_s);
    QVERIFY(rows && rows->value(0).value(0).toInt() == 0);
}

void tst_Runner::offlineScriptRefusesTransactionControlAndWrapsForeignKeysOff()
{
    m_graph[u"c3"_s].upgradeSql = u"CREATE TABLE t_c3 (id INTEGER);\nCOMMIT;\n"_s;
    const MigrationPlan upgrade = branchySequence().at(0).plan;
    for (SqlDialect d : {SqlDialect::SQLite, SqlDialect::PostgreSQL, SqlDialect::MySQL}) {
        const Result<QString> refused = OfflineScript::render(d, upgrade, m_lookup, options());
        QVERIFY(!refused);
        QCOMPARE(refused.error().line, 11);
        QVERIFY2(refused.error().message.startsWith(u"COMMIT in revision c3"_s), qPrintable(refused.error().message));
    }
    m_graph[u"c3"_s] = tableRevision(u"c3"_s, {u"a1"_s}, u"add c"_s);
    m_graph[u"c3"_s].foreignKeysOff = true;
    for (bool perMigration : {true, false}) {
        const Result<QString> script = OfflineScript::render(SqlDialect::SQLite, upgrade, m_lookup, options(perMigration));
        QVERIFY2(script, qPrintable(script ? QString() : script.error().toString()));
        const qsizetype off = script->indexOf(u"PRAGMA foreign_keys=OFF;"_s);
        const qsizetype check = script->indexOf(u"PRAGMA foreign_key_check;"_s);
        const qsizetype on = script->indexOf(u"PRAGMA foreign_keys=ON;"_s);
        const qsizetype c3 = script->indexOf(u"CREATE TABLE t_c3"_s);
        QVERIFY(off >= 0 && off < c3 && c3 < check && check < on);
        QVERIFY(script->lastIndexOf(u"BEGIN;"_s, c3) > off); // OFF comes before the BEGIN
        QVERIFY(script->indexOf(u"COMMIT;"_s, c3) > check);
        QVERIFY(script->indexOf(u"COMMIT;"_s, c3) < on);
        // PostgreSQL and MySQL: no effect.
        QVERIFY(!OfflineScript::render(SqlDialect::PostgreSQL, upgrade, m_lookup, options(perMigration))->contains(u"PRAGMA"_s));
    }
}

void tst_Runner::statementsThatMayBreakForeignKeys_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<bool>("mayBreak");
    QTest::newRow("create table") << u"CREATE TABLE t (id INTEGER REFERENCES p (id))"_s << false;
    QTest::newRow("lower case, temp") << u"create temp table t (id int)"_s << false;
    QTest::newRow("unique index") << u"CREATE UNIQUE INDEX ix ON t (a)"_s << false;
    QTest::newRow("view") << u"CREATE VIEW v AS SELECT 1"_s << false;
    QTest::newRow("trigger") << u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN DELETE FROM p; END"_s << false;
    QTest::newRow("after comments") << u"-- why\n/* more */\n  CREATE TABLE t (id int)"_s << false;
    QTest::newRow("insert") << u"INSERT INTO child VALUES (1, 9)"_s << true;
    QTest::newRow("delete") << u"DELETE FROM parent"_s << true;
    QTest::newRow("drop table") << u"DROP TABLE parent"_s << true;
    QTest::newRow("alter table") << u"ALTER TABLE c ADD COLUMN p INTEGER REFERENCES p DEFAULT 1"_s << true;
    QTest::newRow("pragma") << u"PRAGMA foreign_keys=OFF"_s << true;
    QTest::newRow("create tablespace-like word") << u"CREATE TABLES x"_s << true;
    QTest::newRow("unclosed comment") << u"/* CREATE TABLE t (id int)"_s << true;
}

void tst_Runner::statementsThatMayBreakForeignKeys()
{
    QFETCH(QString, sql);
    QFETCH(bool, mayBreak);
    QCOMPARE(StatementClassifier::mayBreakForeignKeys(sql), mayBreak);
}

void tst_Runner::lockKeysAreStable()
{
    QCOMPARE(DatabaseLock::postgresKey(u"alembic_version"_s), DatabaseLock::postgresKey(u"alembic_version"_s));
    QVERIFY(DatabaseLock::postgresKey(u"alembic_version"_s) != DatabaseLock::postgresKey(u"other_version"_s));
    QCOMPARE(DatabaseLock::mysqlLockName(u"app"_s, u"alembic_version"_s), u"retort:app.alembic_version"_s);
    const QString longName = DatabaseLock::mysqlLockName(QString(80, u'x'), u"alembic_version"_s);
    QCOMPARE(longName.size(), 64);
    QVERIFY(longName.startsWith(u"retort:"_s));
}

void tst_Runner::offlineScriptMatchesGolden_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<int>("command"); // -1: base to head in one plan
    QTest::addColumn<bool>("perMigration");
    QTest::addColumn<QString>("golden");
    const QList<QPair<SqlDialect, QString>> dialects{{SqlDialect::SQLite, u"sqlite"_s},
                                                     {SqlDialect::PostgreSQL, u"postgresql"_s},
                                                     {SqlDialect::MySQL, u"mysql"_s}};
    for (const auto &[dialect, name] : dialects) {
        QTest::newRow(qPrintable(name + u" upgrade"_s)) << int(dialect) << -1 << true << name + u"_upgrade_base_head.sql"_s;
        QTest::newRow(qPrintable(name + u" one transaction"_s)) << int(dialect) << -1 << false << name + u"_upgrade_one_transaction.sql"_s;
        QTest::newRow(qPrintable(name + u" downgrade"_s)) << int(dialect) << 3 << true << name + u"_downgrade_merge.sql"_s;
    }
    QTest::newRow("postgresql stamp") << int(SqlDialect::PostgreSQL) << 5 << true << u"postgresql_stamp.sql"_s;
    QTest::newRow("postgresql to base") << int(SqlDialect::PostgreSQL) << 99 << true << u"postgresql_downgrade_base.sql"_s;
    QTest::newRow("postgresql to base, one transaction") << int(SqlDialect::PostgreSQL) << 99 << false << u"postgresql_downgrade_base_one_transaction.sql"_s;
    QTest::newRow("mysql trigger") << int(SqlDialect::MySQL) << 97 << true << u"mysql_trigger_delimiter.sql"_s;
    QTest::newRow("postgresql no-transaction") << int(SqlDialect::PostgreSQL) << 98 << true << u"postgresql_no_transaction.sql"_s;
    QTest::newRow("postgresql no-transaction, one transaction") << int(SqlDialect::PostgreSQL) << 98 << false << u"postgresql_no_transaction_one_transaction.sql"_s;
}

void tst_Runner::offlineScriptMatchesGolden()
{
    QFETCH(int, dialect);
    QFETCH(int, command);
    QFETCH(bool, perMigration);
    QFETCH(QString, golden);
    const QList<Command> sequence = branchySequence();
    Command cmd;
    if (command == -1) {
        cmd.plan = plan({}, sequence.at(0).plan.steps + sequence.at(1).plan.steps + sequence.at(2).plan.steps, {u"e5"_s});
    } else if (command == 98) { // c3 runs outside a transaction
        m_graph[u"c3"_s].noTransaction = true;
        m_graph[u"c3"_s].upgradeSql = u"CREATE INDEX CONCURRENTLY ix_a1 ON t_a1 (id); -- needs autocommit\n"_s;
        cmd = sequence.at(0);
        cmd.plan.steps << sequence.at(1).plan.steps;
        cmd.plan.headsAfter = {u"b2"_s, u"c3"_s};
    } else if (command == 97) { // a MySQL trigger body with ';' inside
        m_graph[u"a1"_s].upgradeSql = u"CREATE TABLE t_a1 (id INTEGER);\nDELIMITER //\n"
                                      "CREATE TRIGGER tr_a1 BEFORE INSERT ON t_a1 FOR EACH ROW\nBEGIN\n"
                                      "  SET NEW.id = NEW.id + 1;\n  SET NEW.id = NEW.id * 2;\nEND//\nDELIMITER ;\n"_s;
        cmd.plan = plan({}, {up(u"a1"_s, {}, {insert(u"a1"_s)})}, {u"a1"_s});
    } else if (command == 99) {
        cmd.plan = plan({u"c3"_s}, {down(u"c3"_s, {u"a1"_s}, {RunnerTestKit::update(u"c3"_s, u"a1"_s)}),
                                    down(u"a1"_s, {}, {remove(u"a1"_s)})}, {});
    } else {
        cmd = sequence.at(command);
    }
    RunOptions o = options(perMigration);
    const Result<QString> script = cmd.stamp ? OfflineScript::renderStamp(SqlDialect(dialect), cmd.plan, m_lookup, o)
                                             : OfflineScript::render(SqlDialect(dialect), cmd.plan, m_lookup, o);
    QVERIFY2(script, qPrintable(script ? QString() : script.error().toString()));
    QFile file(QStringLiteral(RETORT_TEST_DATA_DIR) + u"/runner/"_s + golden);
    if (qEnvironmentVariableIntValue("RETORT_UPDATE_GOLDEN") == 1) {
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(script->toUtf8());
        file.close();
    }
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QCOMPARE(*script, QString::fromUtf8(file.readAll()));
}

void tst_Runner::offlineScriptNeedsNoConnectionAndChecksPlan()
{
    // No connection exists in this test; an irreversible step still fails before any output.
    m_graph[u"c3"_s].downgradeSql.reset();
    const Result<QString> script = OfflineScript::render(SqlDialect::PostgreSQL, branchySequence().at(4).plan, m_lookup, options());
    QVERIFY(!script);
    QCOMPARE(script.error().kind, Error::Kind::Script);
    const Result<QString> unknown = OfflineScript::render(
        SqlDialect::SQLite, plan({}, {up(u"zz"_s, {}, {insert(u"zz"_s)})}, {u"zz"_s}), m_lookup, options());
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, Error::Kind::Graph);
    MigrationPlan purge = branchySequence().at(5).plan;
    purge.purge = true;
    const Result<QString> purged = OfflineScript::renderStamp(SqlDialect::SQLite, purge, m_lookup, options());
    QVERIFY(!purged);
    QCOMPARE(purged.error().message, u"Can't use --purge with --sql mode"_s);
}

QTEST_GUILESS_MAIN(tst_Runner)

#include "tst_runner.moc"

#include "../common/projectfiles.h"

#include <engine/revision/revisionauthor.h>
#include <engine/runner/runner.h>
#include <engine/workspace/projectkind.h>
#include <engine/workspace/workspace.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

// The facade's pure helpers on a copy of the example project.
class tst_Workspace : public QObject
{
    Q_OBJECT
private slots:
    void destructiveStatementsNameWhatDrops_data();
    void destructiveStatementsNameWhatDrops();
    void projectStateReadsGraphAndDatabase();
    void projectStateKeepsGraphWhenDatabaseFails();
    void projectStateFailsForABrokenFile();
    void createProjectWritesAnEmptyProject();
    void createProjectRefusesAnExistingProject();
    void createProjectLeavesNothingWhenItCannotWrite();
    void facadeRunsAProjectKindWithoutFiles();
    void urlIsParsedOnceAndMissingUrlSaysSo();
};

namespace {

QString copyExample(const QTemporaryDir &tmp)
{
    return RetortTest::copyExampleProject(tmp.filePath(u"blog"_s));
}

// A second kind of project, in memory: no versions/ folder and no files at all. If the facade
// needed SQL files anywhere, the test below would fail.
class MemoryProject final : public ProjectKind
{
public:
    explicit MemoryProject(QList<Revision> revisions)
        : m_revisions(std::make_shared<QList<Revision>>(std::move(revisions)))
    {}

    Result<QList<Revision>> loadRevisions() const override { return *m_revisions; }
    Result<QString> writeRevision(const RevisionGraph &graph,
                                  const NewRevision &request) const override
    {
        const Result<Revision> r = request.mergeOf.isEmpty()
                                       ? RevisionAuthor::newRevision(graph, request)
                                       : RevisionAuthor::merge(graph, request);
        if (!r)
            return r.error();
        m_revisions->append(*r);
        return QString(u"memory:"_s + r->id);
    }
    Result<RunReport> run(const MigrationRequest &request, const RevisionGraph &graph,
                          Connection *connection, ProgressSink &sink,
                          const CancelToken &cancel) const override
    {
        RunOptions options;
        options.tables.historyTable.clear();
        options.purge = request.purge;
        if (!connection)
            return Error(Error::Kind::Internal, u"no connection"_s);
        Runner runner(*connection, options, Runner::lookupIn(graph));
        const auto plan = [&](const QStringList &heads) { return request.plan(graph, heads); };
        if (request.kind == MigrationRequest::Kind::Stamp)
            return runner.stamp(plan, sink, cancel);
        return runner.migrate(plan, sink, cancel);
    }
    Result<QString> offlineScript(const MigrationRequest &request, const QStringList &fromHeads,
                                  const RevisionGraph &graph) const override
    {
        const Result<MigrationPlan> plan = request.plan(graph, fromHeads);
        if (!plan)
            return plan.error();
        QStringList steps;
        for (const MigrationStep &step : plan->steps)
            steps << step.revision;
        return QString(u"memory plan: "_s + steps.join(u' '));
    }

private:
    std::shared_ptr<QList<Revision>> m_revisions; // writeRevision adds here
};

Revision memoryRevision(const QString &id, const QStringList &parents, const QString &table)
{
    Revision r;
    r.id = id;
    r.parents = parents;
    r.message = u"create "_s + table;
    r.upgradeSql = u"CREATE TABLE "_s + table + u" (id INTEGER PRIMARY KEY);"_s;
    r.downgradeSql = u"DROP TABLE "_s + table + u";"_s;
    return r;
}

} // namespace

void tst_Workspace::destructiveStatementsNameWhatDrops_data()
{
    QTest::addColumn<QString>("upgradeSql");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("nothing dropped") << u"CREATE TABLE tags (id INTEGER);"_s << QStringList{};
    QTest::newRow("drop table") << u"CREATE TABLE t2 (id INTEGER);\nDROP TABLE comments;"_s
                                << QStringList{u"dead00beef01: DROP TABLE comments"_s};
    QTest::newRow("drop column") << u"ALTER TABLE users DROP COLUMN bio;"_s
                                 << QStringList{u"dead00beef01: ALTER TABLE users DROP COLUMN bio"_s};
    QTest::newRow("mysql short drop") << u"alter table users drop bio;"_s
                                      << QStringList{u"dead00beef01: alter table users drop bio"_s};
    QTest::newRow("constraint is not data") << u"ALTER TABLE posts DROP CONSTRAINT fk_x;\nDROP INDEX ix_a;"_s
                                            << QStringList{};
    QTest::newRow("delete and truncate") << u"DELETE FROM posts WHERE id < 3;\nTRUNCATE comments;"_s
                                         << QStringList{u"dead00beef01: DELETE FROM posts WHERE id < 3"_s,
                                                        u"dead00beef01: TRUNCATE comments"_s};
    QTest::newRow("dropped word in a string") << u"INSERT INTO posts (title) VALUES ('DROP TABLE x');"_s
                                              << QStringList{};
}

void tst_Workspace::destructiveStatementsNameWhatDrops()
{
    QFETCH(QString, upgradeSql);
    QFETCH(QStringList, expected);
    QTemporaryDir tmp;
    const QString p = copyExample(tmp);
    QVERIFY(!p.isEmpty());
    QFile f(p + u"/migrations/versions/dead00beef01_more.sql"_s);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write((u"-- more\n--\n-- Revision ID: dead00beef01\n-- Revises: f0d4c8b1a627\n\n-- migrate:upgrade\n"_s
             + upgradeSql + u"\n"_s).toUtf8());
    f.close();
    const Result<Workspace> ws = Workspace::open(p);
    QVERIFY(ws);
    // From the example's head, only the new revision would run.
    const Result<QStringList> drops = ws->destructiveStatements({u"f0d4c8b1a627"_s}, u"head"_s);
    QVERIFY2(drops, qPrintable(drops ? QString() : drops.error().toString()));
    QCOMPARE(*drops, expected);
    // From base, the example's own revisions drop nothing on the way up.
    const Result<QStringList> fromBase = ws->destructiveStatements({}, u"f0d4c8b1a627"_s);
    QVERIFY(fromBase);
    QCOMPARE(*fromBase, QStringList{});
}

void tst_Workspace::projectStateReadsGraphAndDatabase()
{
    QTemporaryDir tmp;
    const QString p = copyExample(tmp);
    QVERIFY(!p.isEmpty());
    const Result<Workspace> ws = Workspace::open(p);
    QVERIFY(ws);
    Result<ProjectState> fresh = ws->projectState(DatabaseState::Detail::HeadsOnly);
    QVERIFY2(fresh, qPrintable(fresh ? QString() : fresh.error().toString()));
    QCOMPARE(fresh->graph.count(), 6);
    QVERIFY(fresh->database);
    QCOMPARE(fresh->database->heads, QStringList{});

    NullProgressSink sink;
    QVERIFY(ws->upgrade(u"head"_s, sink));
    QFile applied(p + u"/migrations/versions/4b1d2e6f8a10_create_users_table.sql"_s);
    QVERIFY(applied.open(QIODevice::Append));
    applied.write("-- an afterthought\n");
    applied.close();
    const Result<ProjectState> withEdits = ws->projectState(DatabaseState::Detail::WithEdits);
    QVERIFY(withEdits && withEdits->database);
    QCOMPARE(withEdits->database->heads, QStringList{u"f0d4c8b1a627"_s});
    QCOMPARE(withEdits->database->editedAfterApplied, QStringList{u"4b1d2e6f8a10"_s});
    QVERIFY(withEdits->database->hasHistory);
    // HeadsOnly reads the version table and nothing else.
    const Result<ProjectState> headsOnly = ws->projectState(DatabaseState::Detail::HeadsOnly);
    QVERIFY(headsOnly && headsOnly->database);
    QCOMPARE(headsOnly->database->heads, QStringList{u"f0d4c8b1a627"_s});
    QCOMPARE(headsOnly->database->editedAfterApplied, QStringList{});
}

void tst_Workspace::projectStateKeepsGraphWhenDatabaseFails()
{
    QTemporaryDir tmp;
    const QString p = copyExample(tmp);
    QVERIFY(!p.isEmpty());
    const Result<Workspace> ws = Workspace::open(p, u"sqlite:///"_s + tmp.filePath(u"no/such/folder/x.db"_s));
    QVERIFY(ws);
    const Result<ProjectState> state = ws->projectState();
    QVERIFY(state);
    QCOMPARE(state->graph.count(), 6);
    QVERIFY(!state->database);
    QVERIFY2(state->database.error().message.contains(u"does not exist"_s),
             qPrintable(state->database.error().message));
}

void tst_Workspace::projectStateFailsForABrokenFile()
{
    QTemporaryDir tmp;
    const QString p = copyExample(tmp);
    QVERIFY(!p.isEmpty());
    QFile f(p + u"/migrations/versions/0bad_broken.sql"_s);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("-- broken\n--\n-- Revision ID: 0bad\nSELECT 1;\n");
    f.close();
    const Result<Workspace> ws = Workspace::open(p);
    QVERIFY(ws);
    const Result<ProjectState> state = ws->projectState();
    QVERIFY(!state);
    QCOMPARE(state.error().file, f.fileName());
    QCOMPARE(state.error().line, 4);
    // Nothing was written, not even an empty database file.
    QVERIFY(!QFileInfo::exists(p + u"/blog.db"_s));
    NullProgressSink sink;
    const Result<RunReport> upgrade = ws->upgrade(u"head"_s, sink);
    QVERIFY(!upgrade);
    QCOMPARE(upgrade.error().file, f.fileName());
    QVERIFY(!QFileInfo::exists(p + u"/blog.db"_s));
}

void tst_Workspace::createProjectWritesAnEmptyProject()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(u"new/app"_s); // missing folders are made
    const Result<QStringList> created = Workspace::createProject(dir);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
    QVERIFY(created->contains(QDir(dir).absoluteFilePath(u"retort.ini"_s)));
    QVERIFY(created->contains(QDir(dir).absoluteFilePath(u"schema.sql"_s)));
    QVERIFY(QFileInfo(dir + u"/migrations/versions"_s).isDir());
    const Result<Workspace> ws = Workspace::open(dir);
    QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
    const Result<RevisionGraph> graph = ws->loadGraph();
    QVERIFY(graph);
    QVERIFY(graph->heads().isEmpty());
}

void tst_Workspace::createProjectRefusesAnExistingProject()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(u"app"_s);
    QVERIFY(Workspace::createProject(dir));
    QFile ini(dir + u"/retort.ini"_s);
    QVERIFY(ini.open(QIODevice::Append));
    ini.write("url = sqlite:///mine.db\n");
    ini.close();
    const QStringList before = RetortTest::folderListing(tmp.path());
    const Result<QStringList> again = Workspace::createProject(dir);
    QVERIFY(!again);
    QCOMPARE(again.error().kind, Error::Kind::Config);
    QVERIFY(again.error().message.contains(u"already exists"_s));
    QCOMPARE(RetortTest::folderListing(tmp.path()), before);
}

void tst_Workspace::createProjectLeavesNothingWhenItCannotWrite()
{
    QTemporaryDir tmp;
    // A file where a folder must go fails even for root, for whom permissions do not.
    QFile blocker(tmp.filePath(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QStringList before = RetortTest::folderListing(tmp.path());
    const Result<QStringList> created = Workspace::createProject(tmp.filePath(u"blocker/app"_s));
    QVERIFY(!created);
    QVERIFY(!created.error().message.isEmpty());
    QCOMPARE(RetortTest::folderListing(tmp.path()), before);
}

void tst_Workspace::facadeRunsAProjectKindWithoutFiles()
{
    QTemporaryDir tmp;
    Config config;
    config.projectDir = tmp.path();
    config.scriptLocation = tmp.filePath(u"nowhere"_s); // no versions/ folder exists
    config.url = u"sqlite:///"_s + tmp.filePath(u"memory-kind.db"_s);
    config.tables.historyTable.clear();
    const Workspace ws(config, std::make_shared<MemoryProject>(QList<Revision>{
                                   memoryRevision(u"aaa"_s, {}, u"users"_s),
                                   memoryRevision(u"bbb"_s, {u"aaa"_s}, u"posts"_s)}));
    QVERIFY(!QFileInfo::exists(config.versionsDir()));

    const Result<RevisionGraph> graph = ws.loadGraph();
    QVERIFY2(graph, qPrintable(graph ? QString() : graph.error().toString()));
    QCOMPARE(graph->count(), 2);

    NewRevision request;
    request.message = u"add tags"_s;
    request.revId = u"ccc"_s;
    request.upgradeSql = u"CREATE TABLE tags (id INTEGER PRIMARY KEY);"_s;
    request.downgradeSql = u"DROP TABLE tags;"_s;
    const Result<QString> written = ws.writeRevision(request);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
    QCOMPARE(*written, u"memory:ccc"_s);

    const Result<QString> offline = ws.upgradeSql(u"head"_s);
    QVERIFY(offline);
    QCOMPARE(*offline, u"memory plan: aaa bbb ccc"_s);

    NullProgressSink sink;
    const Result<RunReport> up = ws.upgrade(u"head"_s, sink);
    QVERIFY2(up, qPrintable(up ? QString() : up.error().toString()));
    QCOMPARE(up->steps.size(), 3);
    Result<ProjectState> state = ws.projectState();
    QVERIFY(state && state->database);
    QCOMPARE(state->database->heads, QStringList{u"ccc"_s});

    QVERIFY(ws.downgrade(u"-1"_s, sink));
    state = ws.projectState();
    QCOMPARE(state->database->heads, QStringList{u"bbb"_s});
    const Result<Schema::Database> schema = ws.inspectDatabase();
    QVERIFY(schema);
    QVERIFY(schema->table(u"posts"_s));
    QVERIFY(!schema->table(u"tags"_s));

    QVERIFY(ws.stamp({u"aaa"_s}, false, sink));
    state = ws.projectState();
    QCOMPARE(state->database->heads, QStringList{u"aaa"_s});
    QVERIFY(!QFileInfo::exists(config.versionsDir()));
}

void tst_Workspace::urlIsParsedOnceAndMissingUrlSaysSo()
{
    QTemporaryDir tmp;
    const QString ini = tmp.filePath(u"retort.ini"_s);
    QFile f(ini);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[retort]\nurl = nosuchscheme://x\n");
    f.close();
    QVERIFY(QDir(tmp.path()).mkpath(u"migrations/versions"_s));
    const Result<Workspace> ws = Workspace::open(tmp.path());
    QVERIFY2(ws, "a project with a bad URL still opens");
    QVERIFY(ws->loadGraph());
    QVERIFY(!ws->databaseUrl());
    QCOMPARE(ws->databaseUrl().error().file, QFileInfo(ini).absoluteFilePath());
    NullProgressSink sink;
    const Result<RunReport> up = ws->upgrade(u"head"_s, sink);
    QVERIFY(!up);
    QCOMPARE(up.error().message, ws->databaseUrl().error().message);

    const Result<Workspace> overridden = Workspace::open(tmp.path(), u"nosuchscheme://y"_s);
    QVERIFY(overridden);
    QVERIFY(!overridden->databaseUrl());
    QVERIFY2(overridden->databaseUrl().error().file.isEmpty(), "--url has no file to name");
}

QTEST_GUILESS_MAIN(tst_Workspace)
#include "tst_workspace.moc"

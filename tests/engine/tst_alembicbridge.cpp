// The bridge to a project's own Alembic, run on real Alembic projects made in a QTemporaryDir.
#include "../common/alembictestproject.h"
#include "../common/testdatabases.h"

#include <engine/alembic/alembicbridge.h>
#include <engine/alembic/pythonlocator.h>
#include <engine/workspace/workspace.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString systemPython = u"/usr/bin/python3"_s;

QString python()
{
    const QString fromEnvironment = qEnvironmentVariable("RETORT_PYTHON");
    return fromEnvironment.isEmpty() ? systemPython : fromEnvironment;
}

bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(text.toUtf8());
    return true;
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

using Project = RetortTest::AlembicTestProject;

PythonInterpreter interpreter()
{
    PythonInterpreter p;
    p.program = python();
    return p;
}

// Records every event; optionally cancels when the first step starts.
class RecordingSink final : public ProgressSink
{
public:
    CancelToken *cancelOnFirstStep = nullptr;
    QList<Progress::Event> events;

    void report(const Progress::Event &event) override
    {
        events << event;
        if (cancelOnFirstStep && std::holds_alternative<Progress::StepStarted>(event))
            cancelOnFirstStep->cancel();
    }
    QStringList started() const
    {
        QStringList list;
        for (const Progress::Event &e : events) {
            if (const auto *s = std::get_if<Progress::StepStarted>(&e))
                list << directionName(s->direction) + u' ' + s->revision;
        }
        return list;
    }
    QStringList finished() const
    {
        QStringList list;
        for (const Progress::Event &e : events) {
            if (const auto *s = std::get_if<Progress::StepFinished>(&e))
                list << s->revision;
        }
        return list;
    }
};

Result<QJsonObject> run(const QJsonObject &request, ProgressSink *sink = nullptr,
                        const CancelToken *cancel = nullptr)
{
    NullProgressSink nullSink;
    const CancelToken never;
    return AlembicBridge(interpreter()).run(request, sink ? *sink : nullSink,
                                            cancel ? *cancel : never);
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

QStringList current(const Project &project)
{
    const Result<QJsonObject> result = run(project.request(u"current"_s));
    if (!result)
        return {u"error: "_s + result.error().toString()};
    return strings(result->value(u"heads"));
}

QString sqlalchemyUrl(SqlDialect dialect)
{
    QString url = RetortTest::serverUrl(dialect);
    if (dialect == SqlDialect::MySQL)
        url.replace(u"mysql://"_s, u"mysql+pymysql://"_s);
    return url;
}

#define VERIFY_RESULT(result) \
    QVERIFY2(bool(result), qPrintable((result) ? QString() : (result).error().toString()))

} // namespace

class tst_AlembicBridge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void probeNamesVersions();
    void graphListsRevisionsAsAlembicLoadsThem();
    void urlFromIni();
    void urlComputedByEnvPyWithoutConnecting();
    void lifecycle_data();
    void lifecycle();
    void offlineSqlRunsNothing();
    void failingRevisionNamesFileLineAndSql();
    void cancelStopsAfterCurrentRevision_data();
    void cancelStopsAfterCurrentRevision();
    void mergeWritesFileThroughAlembic();
    void plainRevision();
    void autogenerateKeepsOnlyTickedOperations();
    void compareListsOperationsAsData();
    void renamePairBecomesAlterColumn();
    void workspaceComparesAndWritesOnlyTickedOperations();
    void prefixAndPathMap();
    void interpreterMissing();
    void interpreterCannotStart();
    void alembicMissingInInterpreter();
    void locatorFindsVenvBesideIni();
    void locatorFollowsTheAlembicCommand();
    void pathMapMapsFoldersOnly();
};

void tst_AlembicBridge::initTestCase()
{
    QVERIFY2(!AlembicBridge::script().isEmpty(), "the bridge script is not embedded");
    QVERIFY2(QFileInfo(python()).isExecutable(), qPrintable(python()));
    qunsetenv("BRIDGE_TEST_URL");
}

void tst_AlembicBridge::probeNamesVersions()
{
    const Result<AlembicVersions> versions = AlembicBridge(interpreter()).probe();
    VERIFY_RESULT(versions);
    QCOMPARE(versions->alembicVersion, u"1.8.1"_s);
    QVERIFY(versions->pythonVersion.startsWith(u"3."_s));
    QVERIFY(!versions->sqlalchemyVersion.isEmpty());
    QVERIFY(!versions->python.isEmpty());
}

void tst_AlembicBridge::graphListsRevisionsAsAlembicLoadsThem()
{
    Project project;
    const QString a = project.addRevision(u"a1"_s, u"None"_s, u"one"_s);
    project.addRevision(u"b2"_s, u"'a1'"_s, u"two"_s);
    project.addRevision(u"c3"_s, u"('a1',)"_s, u"three"_s);
    const Result<QJsonObject> graph = run(project.request(u"graph"_s));
    VERIFY_RESULT(graph);
    QMap<QString, QJsonObject> byId;
    for (const QJsonValue &r : graph->value(u"revisions").toArray())
        byId.insert(r[u"id"].toString(), r.toObject());
    QCOMPARE(byId.keys(), (QStringList{u"a1"_s, u"b2"_s, u"c3"_s}));
    QCOMPARE(strings(byId[u"a1"_s][u"down_revision"]), QStringList());
    QCOMPARE(strings(byId[u"b2"_s][u"down_revision"]), QStringList{u"a1"_s});
    QCOMPARE(strings(byId[u"c3"_s][u"down_revision"]), QStringList{u"a1"_s});
    QCOMPARE(byId[u"a1"_s][u"doc"].toString(), u"create one"_s);
    QCOMPARE(byId[u"a1"_s][u"path"].toString(), a);
    QStringList heads = strings(graph->value(u"heads"));
    heads.sort();
    QCOMPARE(heads, (QStringList{u"b2"_s, u"c3"_s}));
}

void tst_AlembicBridge::urlFromIni()
{
    Project project;
    const Result<QJsonObject> url = run(project.request(u"url"_s));
    VERIFY_RESULT(url);
    QCOMPARE(url->value(u"url").toString(), project.url());
    QCOMPARE(url->value(u"dialect").toString(), u"sqlite"_s);
    QVERIFY2(!QFile::exists(project.path(u"app.db"_s)), "url connected to the database");
}

void tst_AlembicBridge::urlComputedByEnvPyWithoutConnecting()
{
    Project project;
    // The host does not exist: asking for the URL must not connect.
    qputenv("BRIDGE_TEST_URL", "postgresql://app:s3cret@db.invalid:5433/shop");
    const Result<QJsonObject> url = run(project.request(u"url"_s));
    qunsetenv("BRIDGE_TEST_URL");
    VERIFY_RESULT(url);
    QCOMPARE(url->value(u"url").toString(), u"postgresql://app:s3cret@db.invalid:5433/shop"_s);
    QCOMPARE(url->value(u"display").toString(), u"postgresql://app:***@db.invalid:5433/shop"_s);
    QCOMPARE(url->value(u"dialect").toString(), u"postgresql"_s);
}

void tst_AlembicBridge::lifecycle_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("sqlite") << SqlDialect::SQLite;
    QTest::newRow("postgresql") << SqlDialect::PostgreSQL;
    QTest::newRow("mariadb") << SqlDialect::MySQL;
}

// upgrade, current, downgrade, stamp (purge) with progress events, on every dialect.
void tst_AlembicBridge::lifecycle()
{
    QFETCH(SqlDialect, dialect);
    QString url;
    if (dialect != SqlDialect::SQLite)
        RETORT_REQUIRE_SERVER(dialect, url);
    Project project(dialect == SqlDialect::SQLite ? QString() : sqlalchemyUrl(dialect));
    project.addRevision(u"a1"_s, u"None"_s, u"one"_s);
    project.addRevision(u"b2"_s, u"'a1'"_s, u"two"_s);
    project.addRevision(u"c3"_s, u"'b2'"_s, u"three"_s);
    project.useOwnVersionTable();

    RecordingSink up;
    const Result<QJsonObject> upgraded = run(project.request(u"upgrade"_s, {{u"target"_s, u"c3"_s}}), &up);
    VERIFY_RESULT(upgraded);
    QCOMPARE(upgraded->value(u"applied").toArray().size(), 3);
    QCOMPARE(upgraded->value(u"cancelled").toBool(), false);
    QCOMPARE(up.started(), (QStringList{u"upgrade a1"_s, u"upgrade b2"_s, u"upgrade c3"_s}));
    QCOMPARE(up.finished(), (QStringList{u"a1"_s, u"b2"_s, u"c3"_s}));
    QCOMPARE(current(project), QStringList{u"c3"_s});

    RecordingSink down;
    const Result<QJsonObject> downgraded = run(project.request(u"downgrade"_s, {{u"target"_s, u"a1"_s}}), &down);
    VERIFY_RESULT(downgraded);
    QCOMPARE(down.started(), (QStringList{u"downgrade c3"_s, u"downgrade b2"_s}));
    QCOMPARE(current(project), QStringList{u"a1"_s});

    RecordingSink stamp;
    const Result<QJsonObject> stamped = run(
        project.request(u"stamp"_s, {{u"targets"_s, QJsonArray{u"c3"_s}}, {u"purge"_s, true}}), &stamp);
    VERIFY_RESULT(stamped);
    QCOMPARE(stamp.started(), QStringList{u"stamp c3"_s});
    QCOMPARE(current(project), QStringList{u"c3"_s});

    // Back to a1 for real (the tables of b2 and c3 do not exist after the stamp), then to base.
    VERIFY_RESULT(run(project.request(u"stamp"_s, {{u"targets"_s, QJsonArray{u"a1"_s}}, {u"purge"_s, true}})));
    VERIFY_RESULT(run(project.request(u"downgrade"_s, {{u"target"_s, u"base"_s}})));
    QCOMPARE(current(project), QStringList());
}

void tst_AlembicBridge::offlineSqlRunsNothing()
{
    Project project;
    project.addRevision(u"a1"_s, u"None"_s, u"one"_s);
    project.addRevision(u"b2"_s, u"'a1'"_s, u"two"_s);
    const Result<QJsonObject> result = run(
        project.request(u"upgrade"_s, {{u"target"_s, u"b2"_s}, {u"sql"_s, true}}));
    VERIFY_RESULT(result);
    const QString sql = result->value(u"sql").toString();
    QVERIFY2(sql.contains(u"CREATE TABLE %1"_s.arg(project.table(u"two"_s))), qPrintable(sql));
    QVERIFY2(sql.contains(u"UPDATE alembic_version SET version_num='b2'"_s), qPrintable(sql));
    QVERIFY(!QFile::exists(project.path(u"app.db"_s)));
}

void tst_AlembicBridge::failingRevisionNamesFileLineAndSql()
{
    Project project;
    project.addRevision(u"a1"_s, u"None"_s, u"one"_s);
    // Line 18 of the file: the INSERT into a table that does not exist.
    const QString bad = project.addRevision(u"b2"_s, u"'a1'"_s, u"two"_s,
                                            u"    op.execute('INSERT INTO no_such_table VALUES (1)')"_s);
    QCOMPARE(readFile(bad).split(u'\n').at(17), u"    op.execute('INSERT INTO no_such_table VALUES (1)')"_s);
    const Result<QJsonObject> result = run(project.request(u"upgrade"_s, {{u"target"_s, u"b2"_s}}));
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Database);
    QCOMPARE(result.error().file, bad);
    QCOMPARE(result.error().line, 18);
    QCOMPARE(result.error().sql, u"INSERT INTO no_such_table VALUES (1)"_s);
    QVERIFY2(result.error().message.startsWith(u"OperationalError: "_s)
                 && result.error().message.contains(u"no such table: no_such_table"_s),
             qPrintable(result.error().message));
}

void tst_AlembicBridge::cancelStopsAfterCurrentRevision_data()
{
    lifecycle_data();
}

// On MariaDB each DDL statement commits: the version table must still match the schema.
void tst_AlembicBridge::cancelStopsAfterCurrentRevision()
{
    QFETCH(SqlDialect, dialect);
    QString url;
    if (dialect != SqlDialect::SQLite)
        RETORT_REQUIRE_SERVER(dialect, url);
    Project project(dialect == SqlDialect::SQLite ? QString() : sqlalchemyUrl(dialect));
    project.useOwnVersionTable();
    // Each revision takes a while, so that the cancel line arrives while the first one runs.
    const QString slow = u"    time.sleep(2)"_s;
    project.addRevision(u"a1"_s, u"None"_s, u"one"_s, slow);
    project.addRevision(u"b2"_s, u"'a1'"_s, u"two"_s, slow);
    project.addRevision(u"c3"_s, u"'b2'"_s, u"three"_s, slow);
    CancelToken cancel;
    RecordingSink sink;
    sink.cancelOnFirstStep = &cancel;
    const Result<QJsonObject> result = run(project.request(u"upgrade"_s, {{u"target"_s, u"c3"_s}}),
                                           &sink, &cancel);
    VERIFY_RESULT(result);
    QCOMPARE(result->value(u"cancelled").toBool(), true);
    QCOMPARE(result->value(u"applied").toArray().size(), 1);
    QCOMPARE(sink.finished(), QStringList{u"a1"_s});
    QCOMPARE(current(project), QStringList{u"a1"_s});
    // a1's table exists (downgrading drops it), b2's does not (upgrading creates it).
    VERIFY_RESULT(run(project.request(u"downgrade"_s, {{u"target"_s, u"base"_s}})));
    QCOMPARE(current(project), QStringList());
}

void tst_AlembicBridge::mergeWritesFileThroughAlembic()
{
    Project project;
    project.addRevision(u"a1"_s, u"None"_s, u"one"_s);
    project.addRevision(u"b2"_s, u"'a1'"_s, u"two"_s);
    project.addRevision(u"c3"_s, u"'a1'"_s, u"three"_s);
    const Result<QJsonObject> merged = run(project.request(
        u"merge"_s, {{u"revisions"_s, QJsonArray{u"b2"_s, u"c3"_s}}, {u"message"_s, u"merge heads"_s},
                     {u"rev_id"_s, u"m4"_s}}));
    VERIFY_RESULT(merged);
    const QString path = merged->value(u"path").toString();
    QCOMPARE(merged->value(u"revision").toString(), u"m4"_s);
    QCOMPARE(QFileInfo(path).dir().path(), project.path(u"migrations/versions"_s));
    const QString text = readFile(path);
    QVERIFY2(text.startsWith(u"\"\"\"merge heads\n\nRevision ID: m4\nRevises: b2, c3"_s), qPrintable(text));
    const Result<QJsonObject> graph = run(project.request(u"graph"_s));
    VERIFY_RESULT(graph);
    QCOMPARE(strings(graph->value(u"heads")), QStringList{u"m4"_s});
}

void tst_AlembicBridge::plainRevision()
{
    Project project;
    project.addRevision(u"a1"_s, u"None"_s, u"one"_s);
    const Result<QJsonObject> result = run(project.request(
        u"revision"_s, {{u"message"_s, u"add things"_s}, {u"rev_id"_s, u"p2"_s}}));
    VERIFY_RESULT(result);
    const QStringList paths = strings(result->value(u"paths"));
    QCOMPARE(paths.size(), 1);
    QCOMPARE(QFileInfo(paths.first()).fileName(), u"p2_add_things.py"_s);
    QVERIFY(readFile(paths.first()).contains(u"down_revision = 'a1'"_s));
    QCOMPARE(result->value(u"empty").toBool(), true);
}

void tst_AlembicBridge::autogenerateKeepsOnlyTickedOperations()
{
    Project project;
    project.addModels();
    VERIFY_RESULT(run(project.request(u"upgrade"_s, {{u"target"_s, u"head"_s}})));
    const Result<QJsonObject> compared = run(project.request(u"compare"_s));
    VERIFY_RESULT(compared);
    int person = -1;
    for (const QJsonValue &op : compared->value(u"operations").toArray()) {
        if (op[u"kind"] == u"add_table"_s && op[u"table"] == project.table(u"person"_s))
            person = op[u"index"].toInt();
    }
    QVERIFY(person >= 0);
    QCOMPARE(compared->value(u"operations").toArray().size(), 2);

    const Result<QJsonObject> result = run(project.request(
        u"revision"_s, {{u"message"_s, u"people"_s}, {u"rev_id"_s, u"g1"_s},
                        {u"autogenerate"_s, true}, {u"keep"_s, QJsonArray{person}}}));
    VERIFY_RESULT(result);
    QCOMPARE(result->value(u"empty").toBool(), false);
    const QString text = readFile(strings(result->value(u"paths")).value(0));
    QVERIFY2(text.contains(u"op.create_table('%1'"_s.arg(project.table(u"person"_s))), qPrintable(text));
    QVERIFY2(!text.contains(project.table(u"item"_s)), qPrintable(text));
    // SQLModel's AutoString needs the import Alembic's template leaves out.
    QVERIFY2(text.contains(u"sqlmodel.sql.sqltypes.AutoString"_s), qPrintable(text));
    QVERIFY2(text.contains(u"\nimport sqlmodel\n"_s), qPrintable(text));
    QCOMPARE(strings(result->value(u"revisions").toArray().at(0)[u"added_imports"]),
             QStringList{u"sqlmodel"_s});

    // The file runs: the import is really there.
    VERIFY_RESULT(run(project.request(u"upgrade"_s, {{u"target"_s, u"head"_s}})));
    QCOMPARE(current(project), QStringList{u"g1"_s});
}

void tst_AlembicBridge::compareListsOperationsAsData()
{
    Project project;
    project.addModels();
    project.addRevision(u"a1"_s, u"None"_s, u"legacy"_s);
    const Result<QJsonObject> stale = run(project.request(u"compare"_s));
    VERIFY_RESULT(stale);
    QCOMPARE(stale->value(u"up_to_date").toBool(), false);
    QCOMPARE(strings(stale->value(u"heads")), QStringList{u"a1"_s});

    VERIFY_RESULT(run(project.request(u"upgrade"_s, {{u"target"_s, u"a1"_s}})));
    const Result<QJsonObject> compared = run(project.request(u"compare"_s));
    VERIFY_RESULT(compared);
    QCOMPARE(compared->value(u"up_to_date").toBool(), true);
    QCOMPARE(compared->value(u"dialect").toString(), u"sqlite"_s);
    QMap<QString, QJsonObject> byTable;
    const QJsonArray operations = compared->value(u"operations").toArray();
    for (int i = 0; i < operations.size(); ++i) {
        QCOMPARE(operations.at(i)[u"index"].toInt(), i);
        byTable.insert(operations.at(i)[u"table"].toString(), operations.at(i).toObject());
    }
    QCOMPARE(byTable.size(), 3);
    const QJsonObject item = byTable.value(project.table(u"item"_s));
    QCOMPARE(item[u"kind"].toString(), u"add_table"_s);
    QCOMPARE(item[u"destructive"].toBool(), false);
    QVERIFY2(item[u"python"].toString().startsWith(u"op.create_table('%1',"_s.arg(project.table(u"item"_s))),
             qPrintable(item[u"python"].toString()));
    QVERIFY2(item[u"sql"].toString().startsWith(u"CREATE TABLE %1"_s.arg(project.table(u"item"_s))),
             qPrintable(item[u"sql"].toString()));
    const QJsonObject legacy = byTable.value(project.table(u"legacy"_s));
    QCOMPARE(legacy[u"kind"].toString(), u"drop_table"_s);
    QCOMPARE(legacy[u"destructive"].toBool(), true);
    QCOMPARE(legacy[u"sql"].toString(), u"DROP TABLE %1;"_s.arg(project.table(u"legacy"_s)));
    // compare writes nothing.
    QCOMPARE(QDir(project.path(u"migrations/versions"_s)).entryList(QDir::Files).size(), 1);
}

void tst_AlembicBridge::renamePairBecomesAlterColumn()
{
    Project project;
    project.addModels();
    // The database has person.fullname where the model says person.name.
    const QString person = project.table(u"person"_s);
    writeFile(project.path(u"migrations/versions/a1_people.py"_s),
              u"\"\"\"people\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n"
              "revision = 'a1'\ndown_revision = None\n\n\ndef upgrade():\n"
              "    op.create_table('%1', sa.Column('id', sa.Integer, primary_key=True),\n"
              "                    sa.Column('fullname', sa.String, nullable=False))\n"
              "    op.create_table('%2', sa.Column('id', sa.Integer, primary_key=True),\n"
              "                    sa.Column('title', sa.String, nullable=False))\n\n\n"
              "def downgrade():\n    op.drop_table('%2')\n    op.drop_table('%1')\n"_s
                  .arg(person, project.table(u"item"_s)));
    VERIFY_RESULT(run(project.request(u"upgrade"_s, {{u"target"_s, u"a1"_s}})));
    const Result<QJsonObject> compared = run(project.request(u"compare"_s));
    VERIFY_RESULT(compared);
    int add = -1, drop = -1;
    for (const QJsonValue &op : compared->value(u"operations").toArray()) {
        if (op[u"kind"] == u"add_column"_s && op[u"name"] == u"name"_s)
            add = op[u"index"].toInt();
        if (op[u"kind"] == u"drop_column"_s && op[u"name"] == u"fullname"_s) {
            drop = op[u"index"].toInt();
            QCOMPARE(op[u"destructive"].toBool(), true);
        }
    }
    QVERIFY2(add >= 0 && drop >= 0, qPrintable(QString::fromUtf8(QJsonDocument(*compared).toJson())));
    // The pair is rendered in advance, as the panel previews it.
    const AlembicComparison values = AlembicComparison::fromJson(*compared);
    const AlembicRenamePreview *preview = values.rename(drop, add);
    QVERIFY(preview);
    QVERIFY2(preview->python.contains(u"new_column_name='name'"_s), qPrintable(preview->python));
    QVERIFY2(preview->sql.contains(u"RENAME"_s) && preview->sql.contains(u"fullname"_s),
             qPrintable(preview->sql + preview->sqlError));
    QVERIFY(!values.rename(add, drop));
    const Result<QJsonObject> result = run(project.request(
        u"revision"_s, {{u"message"_s, u"rename"_s}, {u"rev_id"_s, u"r2"_s}, {u"autogenerate"_s, true},
                        {u"renames"_s, QJsonArray{QJsonObject{{u"drop"_s, drop}, {u"add"_s, add}}}}}));
    VERIFY_RESULT(result);
    const QString text = readFile(strings(result->value(u"paths")).value(0));
    const QRegularExpression upgrade(u"op.alter_column\\('%1', 'fullname',(?:(?!op\\.)[\\s\\S])*new_column_name='name'\\)"_s.arg(person));
    const QRegularExpression downgrade(u"op.alter_column\\('%1', 'name',(?:(?!op\\.)[\\s\\S])*new_column_name='fullname'\\)"_s.arg(person));
    QVERIFY2(text.contains(upgrade), qPrintable(text));
    QVERIFY2(text.contains(downgrade), qPrintable(text));
    QVERIFY2(text.indexOf(upgrade) < text.indexOf(u"def downgrade"_s), qPrintable(text));
    // The file runs, and the column has its new name.
    VERIFY_RESULT(run(project.request(u"upgrade"_s, {{u"target"_s, u"r2"_s}})));
    const Result<QJsonObject> after = run(project.request(u"compare"_s));
    VERIFY_RESULT(after);
    QCOMPARE(after->value(u"operations").toArray().size(), 0);
    QVERIFY2(!text.contains(u"add_column"_s) && !text.contains(u"drop_column"_s), qPrintable(text));
}

// The facade on an Alembic project: Alembic's comparison as values, and a revision written from
// the operations the user ticked (what the GUI's Pending changes panel does).
void tst_AlembicBridge::workspaceComparesAndWritesOnlyTickedOperations()
{
    const QByteArray savedPython = qgetenv("RETORT_PYTHON");
    qputenv("RETORT_PYTHON", python().toUtf8());
    const auto restore = qScopeGuard([savedPython] {
        if (savedPython.isNull())
            qunsetenv("RETORT_PYTHON");
        else
            qputenv("RETORT_PYTHON", savedPython);
    });
    Project project;
    project.addRevision(u"a1"_s, u"None"_s, u"legacy"_s);
    const Result<Workspace> ws = Workspace::open(project.ini());
    VERIFY_RESULT(ws);
    QVERIFY(ws->comparesWithAlembic());
    const auto operations = [](const AlembicComparison &c) {
        QStringList list;
        for (const AlembicOperation &op : c.operations)
            list << op.kind + u' ' + op.table;
        list.sort();
        return list;
    };

    // At base, behind its head: Alembic compares nothing ("Target database is not up to date").
    const Result<AlembicComparison> stale = ws->compareAlembic();
    VERIFY_RESULT(stale);
    QCOMPARE(stale->upToDate, false);
    QCOMPARE(stale->heads, QStringList{u"a1"_s});
    QCOMPARE(stale->current, QStringList());
    QVERIFY(stale->operations.isEmpty());

    NullProgressSink sink;
    VERIFY_RESULT(ws->upgrade(u"head"_s, sink));
    project.addModels(); // the models change: two new tables, and "legacy" is not in them
    const Result<AlembicComparison> compared = ws->compareAlembic();
    VERIFY_RESULT(compared);
    QCOMPARE(compared->upToDate, true);
    QCOMPARE(compared->dialect, u"sqlite"_s);
    QCOMPARE(operations(*compared),
             (QStringList{u"add_table "_s + project.table(u"item"_s),
                          u"add_table "_s + project.table(u"person"_s),
                          u"drop_table "_s + project.table(u"legacy"_s)}));
    QList<int> keep;
    for (const AlembicOperation &op : compared->operations) {
        if (op.kind == u"drop_table"_s) {
            QVERIFY(op.destructive);
            QCOMPARE(op.sql, u"DROP TABLE %1;"_s.arg(op.table));
        } else {
            QVERIFY(!op.destructive);
            QVERIFY2(op.python.startsWith(u"op.create_table('%1',"_s.arg(op.table)),
                     qPrintable(op.python));
            keep << op.index;
        }
    }

    // The drop unticked: the file has the two tables only, and Alembic runs it.
    NewRevision request;
    request.message = u"models"_s;
    request.revId = u"m2"_s;
    request.autogenerate = true;
    request.keepOperations = keep;
    request.writeEmpty = false;
    const Result<AlembicWrittenRevision> written = ws->writeAlembicRevision(request);
    VERIFY_RESULT(written);
    QCOMPARE(QFileInfo(written->path).fileName(), u"m2_models.py"_s);
    QCOMPARE(written->revision, u"m2"_s);
    QCOMPARE(written->empty, false);
    QCOMPARE(written->addedImports, QStringList{u"sqlmodel"_s});
    const QString text = readFile(written->path);
    QVERIFY2(text.contains(u"op.create_table('%1'"_s.arg(project.table(u"person"_s))), qPrintable(text));
    QVERIFY2(text.contains(u"op.create_table('%1'"_s.arg(project.table(u"item"_s))), qPrintable(text));
    QVERIFY2(!text.contains(u"op.drop_table('%1')"_s.arg(project.table(u"legacy"_s))),
             qPrintable(text));
    VERIFY_RESULT(ws->upgrade(u"head"_s, sink));
    const Result<AlembicComparison> after = ws->compareAlembic();
    VERIFY_RESULT(after);
    QCOMPARE(after->current, QStringList{u"m2"_s});
    QCOMPARE(operations(*after), QStringList{u"drop_table "_s + project.table(u"legacy"_s)});

    // Nothing ticked and no empty file wanted: nothing is written.
    request.revId = u"m3"_s;
    request.keepOperations = QList<int>();
    const Result<AlembicWrittenRevision> none = ws->writeAlembicRevision(request);
    VERIFY_RESULT(none);
    QCOMPARE(none->path, QString());
    QCOMPARE(none->empty, true);
    QCOMPARE(QDir(project.path(u"migrations/versions"_s)).entryList({u"*.py"_s}, QDir::Files).size(), 2);
}

// Through a command prefix (`env`, standing in for `docker compose exec -T backend`) and a path
// map (the project seen under a second name, as a container would mount it).
void tst_AlembicBridge::prefixAndPathMap()
{
    Project project;
    const QString a = project.addRevision(u"a1"_s, u"None"_s, u"one"_s);
    QTemporaryDir mounts;
    const QString mounted = mounts.filePath(u"app"_s);
    QVERIFY(QFile::link(project.dir(), mounted));
    PythonInterpreter p = interpreter();
    p.prefix = {u"env"_s, u"BRIDGE_TEST_PREFIX=1"_s};
    p.pathMap = {{project.dir(), mounted}};
    NullProgressSink sink;
    const CancelToken never;
    const Result<QJsonObject> graph = AlembicBridge(p).run(project.request(u"graph"_s), sink, never);
    VERIFY_RESULT(graph);
    // The interpreter saw the mounted path; Retort gets the host path back.
    QCOMPARE(graph->value(u"script_location").toString(), project.path(u"migrations"_s));
    QCOMPARE(graph->value(u"revisions").toArray().at(0)[u"path"].toString(), a);
}

void tst_AlembicBridge::interpreterMissing()
{
    QTemporaryDir dir;
    QTemporaryDir emptyPath;
    const QByteArray savedPath = qgetenv("PATH");
    qputenv("PATH", emptyPath.path().toUtf8());
    qputenv("RETORT_PYTHON", "/nonexistent/python");
    const QString ini = dir.filePath(u"alembic.ini"_s);
    const Result<PythonInterpreter> named = PythonLocator::locate({ini, {}, {}, {}});
    // An interpreter asked for by name is never replaced by another one.
    QVERIFY(!named);
    QCOMPARE(named.error().message,
             u"RETORT_PYTHON is /nonexistent/python, which is not an executable Python "
             "interpreter."_s);
    qunsetenv("RETORT_PYTHON");
    const Result<PythonInterpreter> found = PythonLocator::locate({ini, {}, {}, {}});
    qputenv("PATH", savedPath);
    QVERIFY(!found);
    QCOMPARE(found.error().message,
             u"No Python interpreter found: tried RETORT_PYTHON (unset), %1/.venv/bin/python, "
             "%1/venv/bin/python, the alembic command on PATH, python3 on PATH."_s
                 .arg(dir.path()));
}

void tst_AlembicBridge::interpreterCannotStart()
{
    PythonInterpreter p;
    p.program = u"/nonexistent/python3"_s;
    NullProgressSink sink;
    const CancelToken never;
    const Result<QJsonObject> result = AlembicBridge(p).run({{u"command"_s, u"probe"_s}}, sink, never);
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Config);
    QVERIFY2(result.error().message.startsWith(u"Cannot start the Python interpreter /nonexistent/python3"_s),
             qPrintable(result.error().message));
}

void tst_AlembicBridge::alembicMissingInInterpreter()
{
    // A real Python that cannot see site-packages, so it has no Alembic: made here, not found.
    QTemporaryDir dir;
    const QString bare = dir.filePath(u"bare-python"_s);
    QVERIFY(writeFile(bare, u"#!/bin/sh\nexec %1 -I -S \"$@\"\n"_s.arg(python())));
    QFile::setPermissions(bare, QFile::permissions(bare) | QFileDevice::ExeOwner);
    PythonInterpreter p;
    p.program = bare;
    const Result<AlembicVersions> versions = AlembicBridge(p).probe();
    QVERIFY(!versions);
    QCOMPARE(versions.error().kind, Error::Kind::Config);
    QVERIFY2(versions.error().message.startsWith(u"Alembic is not installed in the Python interpreter "_s)
                 && versions.error().message.contains(u"No module named 'alembic'"_s),
             qPrintable(versions.error().message));
}

void tst_AlembicBridge::locatorFindsVenvBesideIni()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(u"project/.venv/bin"_s)));
    QVERIFY(QDir().mkpath(dir.filePath(u"project/backend"_s)));
    const QString venvPython = dir.filePath(u"project/.venv/bin/python"_s);
    QVERIFY(QFile::link(python(), venvPython));
    const QByteArray saved = qgetenv("RETORT_PYTHON");
    qunsetenv("RETORT_PYTHON");
    const Result<PythonInterpreter> found =
        PythonLocator::locate({dir.filePath(u"project/backend/alembic.ini"_s), {}, {}, {}});
    const Result<PythonInterpreter> explicitSetting =
        PythonLocator::locate({dir.filePath(u"project/backend/alembic.ini"_s), python(), {}, {}});
    if (!saved.isEmpty())
        qputenv("RETORT_PYTHON", saved);
    VERIFY_RESULT(found);
    QCOMPARE(found->program, venvPython);
    QCOMPARE(found->source, u"venv"_s);
    VERIFY_RESULT(explicitSetting);
    QCOMPARE(explicitSetting->program, python());
    QCOMPARE(explicitSetting->source, u"setting"_s);
}

// Without a venv, the Python of the `alembic` command on PATH (its #! line, direct or through
// env) comes before `python3` on PATH: it is what `alembic upgrade head` would run.
void tst_AlembicBridge::locatorFollowsTheAlembicCommand()
{
    QTemporaryDir dir;
    const QString bin = dir.filePath(u"bin"_s);
    const QString tool = dir.filePath(u"tool/bin"_s);
    QVERIFY(QDir().mkpath(bin) && QDir().mkpath(tool));
    const QString toolPython = tool + u"/python3.11"_s;
    QVERIFY(QFile::link(python(), toolPython));
    QVERIFY(QFile::link(python(), bin + u"/python3"_s));
    const QString alembic = bin + u"/alembic"_s;
    QVERIFY(writeFile(alembic, u"#!%1\nimport sys\n"_s.arg(toolPython)));
    QFile::setPermissions(alembic, QFile::permissions(alembic) | QFileDevice::ExeOwner);
    const QByteArray savedPath = qgetenv("PATH");
    const QByteArray savedPython = qgetenv("RETORT_PYTHON");
    qunsetenv("RETORT_PYTHON");
    qputenv("PATH", (bin + u':' + tool).toUtf8());
    const auto restore = qScopeGuard([&] {
        qputenv("PATH", savedPath);
        if (!savedPython.isEmpty())
            qputenv("RETORT_PYTHON", savedPython);
    });
    const QString ini = dir.filePath(u"project/alembic.ini"_s);
    const Result<PythonInterpreter> direct = PythonLocator::locate({ini, {}, {}, {}});
    VERIFY_RESULT(direct);
    QCOMPARE(direct->program, toolPython);
    QCOMPARE(direct->source, u"alembic command"_s);

    QVERIFY(writeFile(alembic, u"#!/usr/bin/env python3.11\n"_s));
    const Result<PythonInterpreter> viaEnv = PythonLocator::locate({ini, {}, {}, {}});
    VERIFY_RESULT(viaEnv);
    QCOMPARE(viaEnv->program, toolPython);

    // Not a Python script (a shell wrapper): python3 on PATH, as before.
    QVERIFY(writeFile(alembic, u"#!/bin/sh\nexec something\n"_s));
    const Result<PythonInterpreter> wrapper = PythonLocator::locate({ini, {}, {}, {}});
    VERIFY_RESULT(wrapper);
    QCOMPARE(wrapper->program, bin + u"/python3"_s);
    QCOMPARE(wrapper->source, u"PATH"_s);
}

void tst_AlembicBridge::pathMapMapsFoldersOnly()
{
    PythonInterpreter p;
    p.pathMap = {{u"/home/me/shop/"_s, u"/app"_s}};
    QCOMPARE(p.toInterpreterPath(u"/home/me/shop/alembic.ini"_s), u"/app/alembic.ini"_s);
    QCOMPARE(p.toInterpreterPath(u"/home/me/shop"_s), u"/app"_s);
    QCOMPARE(p.toInterpreterPath(u"/home/me/shopping/x"_s), u"/home/me/shopping/x"_s);
    QCOMPARE(p.toHostPath(u"/app/migrations/versions/a.py"_s), u"/home/me/shop/migrations/versions/a.py"_s);
    QCOMPARE(p.toHostPath(u"/app2/x"_s), u"/app2/x"_s);
}

QTEST_GUILESS_MAIN(tst_AlembicBridge)
#include "tst_alembicbridge.moc"

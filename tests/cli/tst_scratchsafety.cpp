#include "../common/clirunner.h"
#include "../common/projectfiles.h"
#include "../common/testdatabases.h"

#include <engine/db/connection.h>

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;
using namespace RetortTest;
using namespace Qt::Literals::StringLiterals;

// The read-only commands (diff, check, inspect --models, revision --autogenerate) run the models
// on a scratch database of the target's server. Models that would reach past it are refused
// with their file:line, and the target (and any other database) stays exactly as it was
// (issue #14, points 2 and 3). pg_dump and mariadb-dump output work as models.
class tst_ScratchSafety : public QObject
{
    Q_OBJECT
private slots:
    void sqliteAttachIsRefused();
    void mysqlEscapesAreRefused_data();
    void mysqlEscapesAreRefused();
    void mysqlDumpWorksAsModels();
    void postgresEscapesAreRefused_data();
    void postgresEscapesAreRefused();
    void postgresTargetQualifiedModelsAreCompared();
    void postgresDumpWorksAsModels();
    void cleanup() { dropDatabases(); }

private:
    QString createDatabase(SqlDialect dialect, const QString &prefix, const QString &ddl = {});
    QStringList snapshot(SqlDialect dialect, const QString &database);
    QString urlOf(SqlDialect dialect, const QString &database) const;
    void runReadOnlyCommands(SqlDialect dialect, const QString &models, int line,
                             const QStringList &databases);
    void dropDatabases();
    QList<QPair<SqlDialect, QString>> m_created;
};

static void writeText(const QString &path, const QString &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
}

// The admin client of with-test-dbs.sh ("mariadb --no-defaults ...", "psql -X -q ...") with its
// program swapped for the dump tool; the dump of `database` (empty on failure).
static QString dump(SqlDialect dialect, const QString &database)
{
    const bool pg = dialect == SqlDialect::PostgreSQL;
    QStringList args = qEnvironmentVariable(pg ? "RETORT_TEST_PG_ADMIN" : "RETORT_TEST_MYSQL_ADMIN")
                           .split(u' ', Qt::SkipEmptyParts);
    if (args.isEmpty())
        return {};
    args.removeFirst();
    if (pg)
        args.removeAll(u"-X"_s), args.removeAll(u"-q"_s), args << u"--schema-only"_s;
    else
        args << u"--no-data"_s;
    args << database;
    QProcess p;
    p.start(pg ? u"pg_dump"_s : u"mariadb-dump"_s, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString tst_ScratchSafety::urlOf(SqlDialect dialect, const QString &database) const
{
    QString url = serverUrl(dialect);
    return url.replace(u"/retort_test"_s, u'/' + database);
}

QString tst_ScratchSafety::createDatabase(SqlDialect dialect, const QString &prefix,
                                          const QString &ddl)
{
    auto c = Connection::open(*DatabaseUrl::parse(serverUrl(dialect)));
    if (!c)
        return {};
    const QString name = prefix + QString::number(QRandomGenerator::global()->generate(), 16);
    if (!(*c)->exec(u"CREATE DATABASE "_s + name))
        return {};
    m_created << qMakePair(dialect, name);
    if (ddl.isEmpty())
        return name;
    auto db = Connection::open(*DatabaseUrl::parse(urlOf(dialect, name)));
    if (!db || !(*db)->exec(ddl))
        return {};
    return name;
}

void tst_ScratchSafety::dropDatabases()
{
    for (const auto &[dialect, name] : std::as_const(m_created)) {
        auto c = Connection::open(*DatabaseUrl::parse(serverUrl(dialect)));
        if (c)
            (void)(*c)->exec(u"DROP DATABASE "_s + name);
    }
    m_created.clear();
}

static QList<QVariantList> rowsOf(const Result<QList<QVariantList>> &rows)
{
    if (rows)
        return *rows;
    return {QVariantList{QVariant(u"query failed: "_s + rows.error().message), QVariant(), QVariant()}};
}

// Every table, view and sequence of `database` with its definition (SHOW CREATE on MariaDB,
// the columns on PostgreSQL), row count and sequence value.
QStringList tst_ScratchSafety::snapshot(SqlDialect dialect, const QString &database)
{
    auto c = Connection::open(*DatabaseUrl::parse(urlOf(dialect, database)));
    if (!c)
        return {u"cannot connect"_s};
    QStringList out;
    if (dialect == SqlDialect::MySQL) {
        const auto tables = (*c)->select(u"SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
                                         "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME"_s);
        for (const QVariantList &t : rowsOf(tables)) {
            const QString name = u'`' + t.at(0).toString() + u'`';
            const auto create = (*c)->select(u"SHOW CREATE TABLE "_s + name);
            out << (create ? create->value(0).value(1).toString() : u"?"_s);
            if (t.at(1).toString() == u"BASE TABLE"_s) {
                const auto rows = (*c)->select(u"SELECT COUNT(*) FROM "_s + name);
                out << (rows ? rows->value(0).value(0).toString() : u"?"_s);
            }
        }
        const auto triggers = (*c)->select(u"SELECT TRIGGER_NAME, ACTION_STATEMENT FROM "
                                           "information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = "
                                           "DATABASE() ORDER BY 1"_s);
        for (const QVariantList &t : rowsOf(triggers))
            out << t.at(0).toString() + u' ' + t.at(1).toString();
        return out;
    }
    const auto objects = (*c)->select(
        u"SELECT n.nspname, c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON "
        "n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', "
        "'pg_toast') ORDER BY 1, 2"_s);
    for (const QVariantList &o : rowsOf(objects)) {
        const QString name = u'"' + o.at(0).toString() + u"\".\""_s + o.at(1).toString() + u'"';
        QString line = name + u' ' + o.at(2).toString();
        if (o.at(2).toString() == u"r"_s) {
            const auto rows = (*c)->select(u"SELECT count(*) FROM "_s + name);
            line += u" rows "_s + (rows ? rows->value(0).value(0).toString() : u"?"_s);
        } else if (o.at(2).toString() == u"S"_s) {
            const auto value = (*c)->select(u"SELECT last_value FROM "_s + name);
            line += u" value "_s + (value ? value->value(0).value(0).toString() : u"?"_s);
        }
        out << line;
    }
    const auto columns = (*c)->select(
        u"SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3"_s);
    for (const QVariantList &col : rowsOf(columns))
        out << col.at(1).toString() + u'.' + col.at(2).toString() + u' ' + col.at(3).toString();
    return out;
}

// Runs the four read-only commands on `models` (with %TARGET% and %OTHER% replaced): each
// exits 1 naming schema.sql:line, writes no file and changes none of `databases`.
void tst_ScratchSafety::runReadOnlyCommands(SqlDialect dialect, const QString &models, int line,
                                            const QStringList &databases)
{
    QTemporaryDir tmp;
    const QString p = tmp.filePath(u"p"_s);
    QCOMPARE(runCli({u"init"_s, p}).exitCode, 0);
    QString text = models;
    text.replace(u"%TARGET%"_s, databases.at(0)).replace(u"%OTHER%"_s, databases.value(1));
    writeText(p + u"/schema.sql"_s, text);
    const QStringList env{u"RETORT_URL="_s + urlOf(dialect, databases.at(0))};
    QList<QStringList> before;
    for (const QString &db : databases)
        before << snapshot(dialect, db);
    const QStringList files = folderListing(p);
    const QList<QStringList> commands{{u"diff"_s}, {u"check"_s}, {u"inspect"_s, u"--models"_s},
                                      {u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"x"_s}};
    for (const QStringList &command : commands) {
        const CliResult r = runCli(command, p, env);
        const QString what = command.join(u' ') + u": "_s + r.out + r.err;
        for (int i = 0; i < databases.size(); ++i)
            QCOMPARE(snapshot(dialect, databases.at(i)), before.at(i));
        QCOMPARE(folderListing(p), files);
        QVERIFY2(r.exitCode == 1, qPrintable(what));
        QVERIFY2(r.err.contains(u"schema.sql:%1: "_s.arg(line)), qPrintable(what));
    }
}

// The SQLite scratch is in memory, but ATTACH reaches files: the target's own here.
void tst_ScratchSafety::sqliteAttachIsRefused()
{
    QTemporaryDir tmp;
    const QString p = tmp.filePath(u"p"_s);
    QCOMPARE(runCli({u"init"_s, p}).exitCode, 0);
    const QString db = tmp.filePath(u"app.db"_s);
    {
        auto c = Connection::open(*DatabaseUrl::parse(u"sqlite:///"_s + db));
        QVERIFY(c && (*c)->exec(u"CREATE TABLE users (id INTEGER PRIMARY KEY)"_s));
    }
    QFile file(db);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    writeText(p + u"/schema.sql"_s, u"CREATE TABLE a (id INTEGER);\nATTACH DATABASE '%1' AS target;\n"
                                    "CREATE TABLE target.leaked (id INTEGER);\n"_s.arg(db));
    const QStringList env{u"RETORT_URL=sqlite:///"_s + db};
    for (const QStringList &command : {QStringList{u"check"_s}, QStringList{u"diff"_s}}) {
        const CliResult r = runCli(command, p, env);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        file.close();
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"schema.sql:2: "_s), qPrintable(r.err));
    }
}

void tst_ScratchSafety::mysqlEscapesAreRefused_data()
{
    QTest::addColumn<QString>("models");
    QTest::addColumn<int>("line");
    QTest::newRow("use target") << u"CREATE TABLE a (id INT PRIMARY KEY);\nUSE %TARGET%;\nCREATE TABLE leaked (id INT);\n"_s << 2;
    QTest::newRow("use other") << u"USE %OTHER%;\nCREATE TABLE leaked (id INT);\n"_s << 1;
    QTest::newRow("use in executable comment") << u"/*!40101 USE %TARGET% */;\nCREATE TABLE leaked (id INT);\n"_s << 1;
    QTest::newRow("qualified create") << u"CREATE TABLE a (id INT);\n\nCREATE TABLE %TARGET%.leaked (id INT);\n"_s << 3;
    QTest::newRow("qualified drop") << u"DROP TABLE IF EXISTS `%TARGET%`.`users`;\nCREATE TABLE users (id INT);\n"_s << 1;
    QTest::newRow("insert") << u"CREATE TABLE a (id INT);\nINSERT INTO %TARGET%.users (id, name) VALUES (99, 'x');\n"_s << 2;
    QTest::newRow("rename into other") << u"CREATE TABLE a (id INT);\nALTER TABLE a\n  RENAME TO %OTHER%.moved;\n"_s << 3;
    QTest::newRow("rename table") << u"CREATE TABLE a (id INT);\nRENAME TABLE a TO %TARGET%.moved;\n"_s << 2;
}

void tst_ScratchSafety::mysqlEscapesAreRefused()
{
    QFETCH(QString, models);
    QFETCH(int, line);
    QString server;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, server);
    const QString target = createDatabase(SqlDialect::MySQL, u"retort_sst_"_s,
        u"CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(20));"
        "INSERT INTO users VALUES (1, 'a'), (2, 'b');"_s);
    const QString other = createDatabase(SqlDialect::MySQL, u"retort_sso_"_s,
        u"CREATE TABLE secrets (id INT); INSERT INTO secrets VALUES (7);"_s);
    QVERIFY(!target.isEmpty() && !other.isEmpty());
    runReadOnlyCommands(SqlDialect::MySQL, models, line, {target, other});
}

void tst_ScratchSafety::mysqlDumpWorksAsModels()
{
    QString server;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, server);
    const QString target = createDatabase(SqlDialect::MySQL, u"retort_ssd_"_s,
        u"CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(20));"
        "CREATE TABLE c (id INT AUTO_INCREMENT PRIMARY KEY, p_id INT, note TEXT,"
        " FOREIGN KEY (p_id) REFERENCES p (id), KEY ix_note (note(10)));"
        "CREATE VIEW v AS SELECT c.id, p.name FROM c JOIN p ON p.id = c.p_id;"
        "CREATE TRIGGER tr BEFORE INSERT ON p FOR EACH ROW SET NEW.name = UPPER(NEW.name);"
        "INSERT INTO p VALUES (1, 'A');"_s);
    QVERIFY(!target.isEmpty());
    const QString models = dump(SqlDialect::MySQL, target);
    QVERIFY2(models.contains(u"/*!40101 SET NAMES"_s), qPrintable(models));
    QTemporaryDir tmp;
    const QString p = tmp.filePath(u"p"_s);
    QCOMPARE(runCli({u"init"_s, p}).exitCode, 0);
    writeText(p + u"/schema.sql"_s, models);
    const QStringList env{u"RETORT_URL="_s + urlOf(SqlDialect::MySQL, target)};
    const QStringList before = snapshot(SqlDialect::MySQL, target);
    CliResult r = runCli({u"check"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    // The dump with a column more: found, and the dump's DROP TABLE IF EXISTS reached nothing.
    writeText(p + u"/schema.sql"_s, models + u"\nALTER TABLE `p` ADD COLUMN born INT;\n"_s);
    r = runCli({u"diff"_s}, p, env);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"born"_s), qPrintable(r.out + r.err));
    QCOMPARE(snapshot(SqlDialect::MySQL, target), before);
}

void tst_ScratchSafety::postgresEscapesAreRefused_data()
{
    QTest::addColumn<QString>("models");
    QTest::addColumn<int>("line");
    QTest::newRow("other schema") << u"CREATE TABLE a (id int);\nCREATE TABLE audit.leaked (id int);\n"_s << 2;
    QTest::newRow("search_path other") << u"SET search_path = audit;\nCREATE TABLE leaked (id int);\n"_s << 1;
    QTest::newRow("set_config other") << u"SELECT pg_catalog.set_config('search_path', 'audit', false);\nCREATE TABLE leaked (id int);\n"_s << 1;
    QTest::newRow("create schema") << u"\nCREATE SCHEMA extra;\nCREATE TABLE extra.t (id int);\n"_s << 2;
    QTest::newRow("set schema") << u"CREATE TABLE users (id int);\nALTER TABLE users SET SCHEMA audit;\n"_s << 2;
    QTest::newRow("drop") << u"DROP TABLE public.users;\nCREATE TABLE users (id int);\n"_s << 1;
    QTest::newRow("insert") << u"CREATE TABLE a (id int);\nINSERT INTO public.users (name) VALUES ('x');\n"_s << 2;
    // Sequences are not transactional: this one would move the target's for good.
    QTest::newRow("setval") << u"CREATE TABLE a (id int);\n\nSELECT setval('public.users_id_seq', 500);\n"_s << 3;
}

void tst_ScratchSafety::postgresEscapesAreRefused()
{
    QFETCH(QString, models);
    QFETCH(int, line);
    QString server;
    RETORT_REQUIRE_SERVER(SqlDialect::PostgreSQL, server);
    const QString target = createDatabase(SqlDialect::PostgreSQL, u"retort_sst_"_s,
        u"CREATE TABLE users (id serial PRIMARY KEY, name text);"
        "INSERT INTO users (name) VALUES ('a'), ('b');"
        "CREATE SCHEMA audit; CREATE TABLE audit.log (id int); INSERT INTO audit.log VALUES (1);"_s);
    QVERIFY(!target.isEmpty());
    runReadOnlyCommands(SqlDialect::PostgreSQL, models, line, {target});
}

// The case: check said "no changes" because the qualified table went to the real schema.
void tst_ScratchSafety::postgresTargetQualifiedModelsAreCompared()
{
    QString server;
    RETORT_REQUIRE_SERVER(SqlDialect::PostgreSQL, server);
    const QString target = createDatabase(SqlDialect::PostgreSQL, u"retort_ssq_"_s,
                                          u"CREATE TABLE users (id int PRIMARY KEY);"_s);
    QVERIFY(!target.isEmpty());
    QTemporaryDir tmp;
    const QString p = tmp.filePath(u"p"_s);
    QCOMPARE(runCli({u"init"_s, p}).exitCode, 0);
    writeText(p + u"/schema.sql"_s,
              u"SELECT pg_catalog.set_config('search_path', '', false);\n"
              "CREATE TABLE public.users (id int PRIMARY KEY, name text);\n"
              "CREATE TABLE public.items (id int PRIMARY KEY, user_id int REFERENCES public.users (id));\n"_s);
    const QStringList env{u"RETORT_URL="_s + urlOf(SqlDialect::PostgreSQL, target)};
    const QStringList before = snapshot(SqlDialect::PostgreSQL, target);
    CliResult r = runCli({u"check"_s}, p, env);
    QVERIFY2(r.exitCode == 1, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(u"Detected added table 'items'"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"Detected added column 'users.name'"_s), qPrintable(r.out));
    r = runCli({u"diff"_s}, p, env);
    QVERIFY2(r.exitCode == 0 && r.out.contains(u"CREATE TABLE items"_s), qPrintable(r.out + r.err));
    QCOMPARE(snapshot(SqlDialect::PostgreSQL, target), before);
}

// A real pg_dump --schema-only as the models of an empty database: autogenerate and upgrade
// make the database what was dumped, and check then agrees.
void tst_ScratchSafety::postgresDumpWorksAsModels()
{
    QString server;
    RETORT_REQUIRE_SERVER(SqlDialect::PostgreSQL, server);
    const QString source = createDatabase(SqlDialect::PostgreSQL, u"retort_sss_"_s,
        u"CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL);"
        "CREATE TABLE items (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
        " user_id int NOT NULL REFERENCES users (id) ON DELETE CASCADE, label varchar(20));"
        "CREATE INDEX ix_items_label ON items (lower(label));"
        "CREATE UNIQUE INDEX ux_users_name ON users (name);"
        "CREATE VIEW user_items AS SELECT u.name, i.label FROM users u JOIN items i ON i.user_id = u.id;"
        "COMMENT ON TABLE users IS 'people';"_s);
    const QString target = createDatabase(SqlDialect::PostgreSQL, u"retort_ssp_"_s);
    QVERIFY(!source.isEmpty() && !target.isEmpty());
    const QString models = dump(SqlDialect::PostgreSQL, source);
    QVERIFY2(models.contains(u"CREATE TABLE public.users"_s), qPrintable(models));
    QTemporaryDir tmp;
    const QString p = tmp.filePath(u"p"_s);
    QCOMPARE(runCli({u"init"_s, p}).exitCode, 0);
    writeText(p + u"/schema.sql"_s, models);
    const QStringList env{u"RETORT_URL="_s + urlOf(SqlDialect::PostgreSQL, target)};
    const QStringList sourceBefore = snapshot(SqlDialect::PostgreSQL, source);
    CliResult r = runCli({u"check"_s}, p, env);
    QVERIFY2(r.exitCode == 1 && r.out.contains(u"Detected added table 'items'"_s), qPrintable(r.out + r.err));
    r = runCli({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"from dump"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    r = runCli({u"upgrade"_s, u"head"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    r = runCli({u"check"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    // The migrated database reads as the dumped one.
    const CliResult migrated = runCli({u"inspect"_s, u"--json"_s}, p, env);
    const CliResult dumped = runCli({u"inspect"_s, u"--json"_s}, p,
                                    {u"RETORT_URL="_s + urlOf(SqlDialect::PostgreSQL, source)});
    QCOMPARE(migrated.exitCode, 0);
    QCOMPARE(dumped.exitCode, 0);
    QCOMPARE(migrated.out, dumped.out);
    QCOMPARE(snapshot(SqlDialect::PostgreSQL, source), sourceBefore);
}

QTEST_GUILESS_MAIN(tst_ScratchSafety)
#include "tst_scratchsafety.moc"

#include <engine/config/configloader.h>
#include <engine/config/databaseurl.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

class tst_Config : public QObject
{
    Q_OBJECT
private slots:
    void parseUrl_data();
    void parseUrl();
    void displayNeverShowsPassword_data();
    void displayNeverShowsPassword();
    void expandsEnvironment_data();
    void expandsEnvironment();
    void findsIniInParent();
    void missingIniIsASentence();
    void loadsDefaults();
    void loadsEveryKey();
    void urlPrecedence();
    void badIniNamesFileAndLine_data();
    void badIniNamesFileAndLine();
    void parseFromBytesAsLoadFromFile();
    void schemaCommandKeepsItsWrittenForm();
    void urlErrorsNeverShowPassword_data();
    void urlErrorsNeverShowPassword();
};

void tst_Config::parseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("socket");
    QTest::addColumn<QString>("errorPart"); // for bad rows: a piece of the message

    const int lite = int(SqlDialect::SQLite), pg = int(SqlDialect::PostgreSQL),
              my = int(SqlDialect::MySQL);
    auto good = [](const char *name, const QString &url, int d, const QString &u, const QString &p,
                   const QString &h, int port, const QString &db, const QString &sock = {}) {
        QTest::newRow(name) << url << true << d << u << p << h << port << db << sock << QString();
    };
    auto bad = [](const char *name, const QString &url, const QString &part) {
        QTest::newRow(name) << url << false << 0 << QString() << QString() << QString() << 0
                            << QString() << QString() << part;
    };
    good("sqlite relative", u"sqlite:///app.db"_s, lite, {}, {}, {}, 0, u"/proj/app.db"_s);
    good("sqlite relative subdir", u"sqlite:///data/../db/app.db"_s, lite, {}, {}, {}, 0, u"/proj/db/app.db"_s);
    good("sqlite absolute", u"sqlite:////var/lib/app.db"_s, lite, {}, {}, {}, 0, u"/var/lib/app.db"_s);
    good("sqlite memory", u"sqlite://"_s, lite, {}, {}, {}, 0, u":memory:"_s);
    good("sqlite memory explicit", u"sqlite:///:memory:"_s, lite, {}, {}, {}, 0, u":memory:"_s);
    good("sqlite percent space", u"sqlite:///my%20app.db"_s, lite, {}, {}, {}, 0, u"/proj/my app.db"_s);
    good("postgresql full", u"postgresql://bob:secret@db.example.com:5433/shop"_s, pg, u"bob"_s,
         u"secret"_s, u"db.example.com"_s, 5433, u"shop"_s);
    good("postgres alias", u"postgres://bob@localhost/shop"_s, pg, u"bob"_s, {}, u"localhost"_s, 0, u"shop"_s);
    good("postgresql driver suffix", u"postgresql+psycopg2://u:p@h/d"_s, pg, u"u"_s, u"p"_s, u"h"_s, 0, u"d"_s);
    good("postgresql no user", u"postgresql://h:1/d"_s, pg, {}, {}, u"h"_s, 1, u"d"_s);
    good("postgresql encoded password", u"postgresql://bob:p%40ss%3Aw%2Fd@h/d"_s, pg, u"bob"_s,
         u"p@ss:w/d"_s, u"h"_s, 0, u"d"_s);
    good("postgresql encoded user", u"postgresql://b%C3%B6b:x@h/d"_s, pg, u"böb"_s, u"x"_s, u"h"_s, 0, u"d"_s);
    good("postgresql raw at in password", u"postgresql://bob:p@ss@h/d"_s, pg, u"bob"_s, u"p@ss"_s,
         u"h"_s, 0, u"d"_s);
    good("postgresql ipv6", u"postgresql://u@[::1]:5432/d"_s, pg, u"u"_s, {}, u"::1"_s, 5432, u"d"_s);
    good("postgresql socket", u"postgresql://u@localhost:5432/d?socket=/tmp/pg"_s, pg, u"u"_s, {},
         u"localhost"_s, 5432, u"d"_s, u"/tmp/pg"_s);
    good("postgresql options", u"postgresql://u@h/d?sslmode=require&connect_timeout=3"_s, pg, u"u"_s,
         {}, u"h"_s, 0, u"d"_s);
    good("mysql", u"mysql://root:pw@127.0.0.1:3306/app"_s, my, u"root"_s, u"pw"_s, u"127.0.0.1"_s,
         3306, u"app"_s);
    good("mariadb", u"mariadb://root@127.0.0.1/app"_s, my, u"root"_s, {}, u"127.0.0.1"_s, 0, u"app"_s);
    good("mysql socket", u"mysql://root@/app?socket=/run/mysqld/mysqld.sock"_s, my, u"root"_s, {},
         {}, 0, u"app"_s, u"/run/mysqld/mysqld.sock"_s);
    good("mysql pymysql suffix", u"mysql+pymysql://a:b@c/d"_s, my, u"a"_s, u"b"_s, u"c"_s, 0, u"d"_s);
    good("scheme case", u"PostgreSQL://u@h/d"_s, pg, u"u"_s, {}, u"h"_s, 0, u"d"_s);
    good("trailing whitespace", u"  sqlite:///a.db \n"_s, lite, {}, {}, {}, 0, u"/proj/a.db"_s);

    bad("empty", QString(), u"No database URL"_s);
    bad("no scheme", u"localhost/db"_s, u"not a database URL"_s);
    bad("unknown scheme", u"oracle://u@h/d"_s, u"Unknown database URL scheme 'oracle'"_s);
    bad("port not a number", u"postgresql://u@h:abc/d"_s, u"Bad port 'abc'"_s);
    bad("port too big", u"postgresql://u@h:70000/d"_s, u"Bad port '70000'"_s);
    bad("port zero", u"mysql://u@h:0/d"_s, u"Bad port '0'"_s);
    bad("empty port", u"mysql://u@h:/d"_s, u"Empty port"_s);
    bad("no database", u"postgresql://u@h:5432"_s, u"names no database"_s);
    bad("unknown option", u"postgresql://u@h/d?charset=x"_s, u"Unknown option 'charset'"_s);
    bad("bad sslmode", u"postgresql://u@h/d?sslmode=always"_s, u"Unknown sslmode 'always'"_s);
    bad("bad timeout", u"postgresql://u@h/d?connect_timeout=-1"_s, u"Bad connect_timeout"_s);
    bad("sqlite with host", u"sqlite://host/app.db"_s, u"has a host part"_s);
    bad("unclosed ipv6", u"postgresql://u@[::1/d"_s, u"Unclosed '['"_s);
    bad("password not leaked", u"postgresql://u:topsecret@h:99999/d"_s, u"Bad port"_s);
}

void tst_Config::parseUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    const Result<DatabaseUrl> r = DatabaseUrl::parse(url, u"/proj"_s);
    QCOMPARE(bool(r), ok);
    if (!ok) {
        QFETCH(QString, errorPart);
        QVERIFY2(r.error().message.contains(errorPart), qPrintable(r.error().message));
        QVERIFY2(!r.error().message.contains(u"topsecret"_s), qPrintable(r.error().message));
        QCOMPARE(r.error().kind, Error::Kind::Config);
        return;
    }
    QFETCH(int, dialect);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QString, socket);
    QCOMPARE(int(r->dialect), dialect);
    QCOMPARE(r->user, user);
    QCOMPARE(r->password, password);
    if (r->dialect != SqlDialect::SQLite && !(host.isEmpty() && !socket.isEmpty()))
        QCOMPARE(r->host, host);
    QCOMPARE(r->port, port);
    QCOMPARE(r->database, database);
    QCOMPARE(r->socket, socket);
}

void tst_Config::displayNeverShowsPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");
    QTest::newRow("pg") << u"postgresql://bob:hunter2@h:5432/d"_s << u"postgresql://bob:***@h:5432/d"_s;
    QTest::newRow("encoded") << u"mysql://bob:p%40ss@h/d"_s << u"mysql://bob:***@h/d"_s;
    QTest::newRow("no password") << u"mariadb://bob@h/d"_s << u"mariadb://bob@h/d"_s;
    QTest::newRow("sqlite") << u"sqlite:////tmp/x.db"_s << u"sqlite:////tmp/x.db"_s;
    QTest::newRow("options") << u"postgresql://u:pw@h/d?sslmode=require"_s
                             << u"postgresql://u:***@h/d?sslmode=require"_s;
}

void tst_Config::displayNeverShowsPassword()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    const Result<DatabaseUrl> r = DatabaseUrl::parse(url);
    QVERIFY(r);
    QCOMPARE(r->toDisplayString(), shown);
}

void tst_Config::expandsEnvironment_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // empty: an error
    QTest::newRow("plain") << u"abc"_s << u"abc"_s;
    QTest::newRow("one var") << u"postgresql://${DB_USER}@h/d"_s << u"postgresql://alice@h/d"_s;
    QTest::newRow("two vars") << u"${DB_USER}:${DB_PASS}"_s << u"alice:s3cret"_s;
    QTest::newRow("default used") << u"${NOPE:-fallback}"_s << u"fallback"_s;
    QTest::newRow("default unused") << u"${DB_USER:-x}"_s << u"alice"_s;
    QTest::newRow("unset") << u"${NOPE}"_s << QString();
    QTest::newRow("dollar alone") << u"a$b"_s << u"a$b"_s;
}

void tst_Config::expandsEnvironment()
{
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    env.insert(u"DB_USER"_s, u"alice"_s);
    env.insert(u"DB_PASS"_s, u"s3cret"_s);
    const Result<QString> r = ConfigLoader::expand(value, env);
    if (expected.isEmpty()) {
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(u"'NOPE' is not set"_s));
    } else {
        QVERIFY(r);
        QCOMPARE(*r, expected);
    }
}

static QString writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    return path;
}

void tst_Config::findsIniInParent()
{
    QTemporaryDir tmp;
    const QString ini = writeFile(tmp.filePath(u"retort.ini"_s), "[retort]\n");
    QDir().mkpath(tmp.filePath(u"a/b/c"_s));
    const Result<QString> found = ConfigLoader::find(tmp.filePath(u"a/b/c"_s));
    QVERIFY(found);
    QCOMPARE(QFileInfo(*found).canonicalFilePath(), QFileInfo(ini).canonicalFilePath());
}

void tst_Config::missingIniIsASentence()
{
    QTemporaryDir tmp;
    const Result<QString> found = ConfigLoader::find(tmp.path());
    // The temp dir's parents could hold a retort.ini only on a very odd machine.
    QVERIFY(!found);
    QVERIFY(found.error().message.contains(u"No retort.ini found"_s));
    const Result<Config> loaded = ConfigLoader::load(tmp.filePath(u"nope.ini"_s));
    QVERIFY(!loaded);
    QVERIFY(loaded.error().message.contains(u"does not exist"_s));
}

void tst_Config::loadsDefaults()
{
    QTemporaryDir tmp;
    const QString ini = writeFile(tmp.filePath(u"retort.ini"_s), "[retort]\nurl = sqlite:///app.db\n");
    const Result<Config> c = ConfigLoader::load(ini, {}, QProcessEnvironment());
    QVERIFY2(c, qPrintable(c ? QString() : c.error().toString()));
    QCOMPARE(c->scriptLocation, QDir(tmp.path()).absoluteFilePath(u"migrations"_s));
    QCOMPARE(c->versionsDir(), QDir(tmp.path()).absoluteFilePath(u"migrations/versions"_s));
    QCOMPARE(c->schema, QStringList{u"schema.sql"_s});
    QCOMPARE(c->tables.versionTable, u"alembic_version"_s);
    QCOMPARE(c->tables.historyTable, u"retort_history"_s);
    QCOMPARE(c->transactionPerMigration, true);
    QCOMPARE(c->fileTemplate, u"%(rev)s_%(slug)s"_s);
    QCOMPARE(c->url, u"sqlite:///app.db"_s);
    QCOMPARE(c->urlSource, Config::UrlSource::Ini);
}

void tst_Config::loadsEveryKey()
{
    QTemporaryDir tmp;
    const QString ini = writeFile(tmp.filePath(u"retort.ini"_s),
                                  "# comment\n[other]\nurl = ignored\n[retort]\n"
                                  "script_location = db/mig\nurl = postgresql://${U}@h/d\n"
                                  "schema = models/a.sql\n  models/b*.sql\nschema_command = python3 dump.py\n"
                                  "dev_url = mysql://root@h/scratch\nversion_table = vt\nhistory_table =\n"
                                  "transaction_per_migration = false\nfile_template = %(year)d_%(rev)s\n"
                                  "exclude_tables = spatial_*, tmp_*\n; trailing comment\n");
    QProcessEnvironment env;
    env.insert(u"U"_s, u"carol"_s);
    const Result<Config> c = ConfigLoader::load(ini, {}, env);
    QVERIFY2(c, qPrintable(c ? QString() : c.error().toString()));
    QCOMPARE(c->scriptLocation, QDir(tmp.path()).absoluteFilePath(u"db/mig"_s));
    QCOMPARE(c->url, u"postgresql://carol@h/d"_s);
    QCOMPARE(c->schema, (QStringList{u"models/a.sql"_s, u"models/b*.sql"_s}));
    QCOMPARE(c->schemaCommand, u"python3 dump.py"_s);
    QCOMPARE(c->devUrl, u"mysql://root@h/scratch"_s);
    QCOMPARE(c->tables.versionTable, u"vt"_s);
    QCOMPARE(c->tables.historyTable, QString());
    QCOMPARE(c->transactionPerMigration, false);
    QCOMPARE(c->fileTemplate, u"%(year)d_%(rev)s"_s);
    QCOMPARE(c->tables.excludeTables, (QStringList{u"spatial_*"_s, u"tmp_*"_s}));
    QCOMPARE(c->models, QString());

    const QString second = writeFile(tmp.filePath(u"b/retort.ini"_s),
                                     "[retort]\n\nmodels = ${M}:Base.metadata \n");
    env.insert(u"M"_s, u"app.db"_s);
    const Result<Config> m = ConfigLoader::load(second, {}, env);
    QVERIFY2(m, qPrintable(m ? QString() : m.error().toString()));
    QCOMPARE(m->models, u"app.db:Base.metadata"_s);
    QCOMPARE(m->modelsLine, 3);
}

void tst_Config::urlPrecedence()
{
    QTemporaryDir tmp;
    const QString ini = writeFile(tmp.filePath(u"retort.ini"_s), "[retort]\nurl = sqlite:///ini.db\n");
    QProcessEnvironment env;
    Result<Config> c = ConfigLoader::load(ini, {}, env);
    QVERIFY(c);
    QCOMPARE(c->url, u"sqlite:///ini.db"_s);
    env.insert(u"RETORT_URL"_s, u"sqlite:///env.db"_s);
    c = ConfigLoader::load(ini, {}, env);
    QVERIFY(c);
    QCOMPARE(c->url, u"sqlite:///env.db"_s);
    QCOMPARE(c->urlSource, Config::UrlSource::Environment);
    c = ConfigLoader::load(ini, u"sqlite:///flag.db"_s, env);
    QVERIFY(c);
    QCOMPARE(c->url, u"sqlite:///flag.db"_s);
    QCOMPARE(c->urlSource, Config::UrlSource::CommandLine);
}

void tst_Config::badIniNamesFileAndLine_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("part");
    QTest::newRow("unknown key") << QByteArray("[retort]\nurl = x\nscript_locaton = m\n") << 3
                                 << u"Unknown key 'script_locaton'"_s;
    QTest::newRow("no equals") << QByteArray("[retort]\njust words\n") << 2 << u"Expected 'key = value'"_s;
    QTest::newRow("bad bool") << QByteArray("[retort]\ntransaction_per_migration = maybe\n") << 2
                              << u"must be true or false"_s;
    QTest::newRow("unset var") << QByteArray("[retort]\n\nurl = ${RETORT_TEST_SURELY_UNSET}\n") << 3
                               << u"is not set"_s;
    QTest::newRow("bad section") << QByteArray("[retort\n") << 1 << u"Malformed section header"_s;
    QTest::newRow("models and command")
        << QByteArray("[retort]\nschema_command = x\nmodels = sqlalchemy:app\n") << 3
        << u"Both 'models' and 'schema_command' are set"_s;
    QTest::newRow("no section") << QByteArray("[alembic]\nurl = x\n") << 0 << u"No [retort] section"_s;
    // Revision files are loaded from versions/ only: a template that leads elsewhere is refused.
    QTest::newRow("template up") << QByteArray("[retort]\n#\nfile_template = ../../x_%(rev)s\n") << 3
                                 << u"contains a path separator"_s;
    QTest::newRow("template absolute") << QByteArray("[retort]\nfile_template = /tmp/x_%(rev)s\n") << 2
                                       << u"contains a path separator"_s;
    QTest::newRow("template backslash") << QByteArray("[retort]\nfile_template = a\\%(rev)s\n") << 2
                                        << u"contains a path separator"_s;
    QTest::newRow("template empty") << QByteArray("[retort]\nfile_template =\n") << 2
                                    << u"'file_template' is empty"_s;
    QTest::newRow("template dot") << QByteArray("[retort]\nfile_template = .%(rev)s\n") << 2
                                  << u"starts with '.'"_s;
}

void tst_Config::schemaCommandKeepsItsWrittenForm()
{
    QTemporaryDir tmp;
    const QString ini = writeFile(tmp.filePath(u"retort.ini"_s),
                                  "[retort]\nurl = sqlite:///a.db\n\nschema_command = dump --password "
                                  "${DBPW}\nfile_template = %(year)d_%(rev)s\n");
    QProcessEnvironment env;
    env.insert(u"DBPW"_s, u"s3cret"_s);
    const Result<Config> c = ConfigLoader::load(ini, {}, env);
    QVERIFY(c);
    QCOMPARE(c->schemaCommand, u"dump --password s3cret"_s);
    QCOMPARE(c->schemaCommandAsWritten, u"dump --password ${DBPW}"_s);
    QCOMPARE(c->schemaCommandLine, 4);
    QCOMPARE(c->fileTemplateLine, 5);
}

void tst_Config::urlErrorsNeverShowPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("sqlite userinfo") << u"sqlite://u:pa55word@/x.db"_s;
    QTest::newRow("sqlite host") << u"sqlite://u:pa55word@h/x.db"_s;
    QTest::newRow("userinfo before scheme") << u"u:pa55word@postgresql://h/db"_s;
    QTest::newRow("bad port") << u"mysql://u:pa55word@h:0/db"_s;
    QTest::newRow("no database") << u"postgresql://u:pa55word@h"_s;
    QTest::newRow("unclosed bracket") << u"postgresql://u:pa55word@[h/db"_s;
    QTest::newRow("unknown option") << u"postgresql://u:pa55word@h/db?pa55word=1"_s;
    QTest::newRow("encoded") << u"postgresql://u:pa55%77ord@h:x/db"_s;
}

void tst_Config::urlErrorsNeverShowPassword()
{
    QFETCH(QString, url);
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    QVERIFY(!parsed);
    const QString text = parsed.error().toString();
    QVERIFY2(!text.contains(u"@"_s) || !text.contains(u":pa55"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"u:pa55word"_s) && !text.contains(u"u:pa55%77ord"_s), qPrintable(text));
}

void tst_Config::badIniNamesFileAndLine()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, part);
    QTemporaryDir tmp;
    const QString ini = writeFile(tmp.filePath(u"retort.ini"_s), text);
    const Result<Config> c = ConfigLoader::load(ini, {}, QProcessEnvironment());
    QVERIFY(!c);
    QCOMPARE(c.error().line, line);
    QCOMPARE(c.error().file, QFileInfo(ini).absoluteFilePath());
    QVERIFY2(c.error().message.contains(part), qPrintable(c.error().message));

    // The same from bytes (the fuzz target's entry point): no file is read, the path is named.
    const QString nowhere = QDir(tmp.path()).absoluteFilePath(u"nowhere/retort.ini"_s);
    const Result<Config> fromBytes = ConfigLoader::parse(text, nowhere, {}, QProcessEnvironment());
    QVERIFY(!fromBytes);
    QCOMPARE(fromBytes.error().line, line);
    QCOMPARE(fromBytes.error().file, nowhere);
    QCOMPARE(fromBytes.error().message, c.error().message);
}

void tst_Config::parseFromBytesAsLoadFromFile()
{
    QTemporaryDir tmp;
    const QByteArray text("[retort]\nurl = sqlite:///${DB:-app}.db\nschema = a.sql b.sql\n"
                          "version_table = vt\n");
    const QString ini = writeFile(tmp.filePath(u"retort.ini"_s), text);
    const Result<Config> loaded = ConfigLoader::load(ini, {}, QProcessEnvironment());
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
    QVERIFY(QFile::remove(ini));
    const Result<Config> parsed = ConfigLoader::parse(text, ini, {}, QProcessEnvironment());
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->iniPath, loaded->iniPath);
    QCOMPARE(parsed->projectDir, loaded->projectDir);
    QCOMPARE(parsed->scriptLocation, loaded->scriptLocation);
    QCOMPARE(parsed->url, u"sqlite:///app.db"_s);
    QCOMPARE(parsed->url, loaded->url);
    QCOMPARE(parsed->urlSource, loaded->urlSource);
    QCOMPARE(parsed->schema, loaded->schema);
    QCOMPARE(parsed->tables.versionTable, u"vt"_s);
}

QTEST_GUILESS_MAIN(tst_Config)
#include "tst_config.moc"

#include "../common/clirunner.h"
#include "../common/projectfiles.h"
#include "../common/testdatabases.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace RetortTest;
using namespace Qt::Literals::StringLiterals;

// The `retort` binary when things go wrong: failed writes, file names that would escape
// versions/, passwords in error paths, and the "FAILED: ..." line on stderr.
class tst_CliSafety : public QObject
{
    Q_OBJECT
private slots:
    void failedWriteLeavesNothing();
    void fullOrReadOnlyDiskLeavesNothing();
    void fileTemplateMustNameAFileInVersions_data();
    void fileTemplateMustNameAFileInVersions();
    void passwordsAreNeverPrinted_data();
    void passwordsAreNeverPrinted();
    void checkFailsWithOneLineOnStderr();
    void checkFailsWhenNotAtHead();
    void rejectedMessageNamesNoFile();
    void nulByteIsReported();
    void driverTextIsStatedOnce();
    void lostPostgresConnectionStartsWithFailed();
    void postgresWarningsStayOffStderr();
};

namespace {

const QString password = u"Sekr3tPw9"_s;

void writeText(const QString &path, const QString &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
}

QString makeProject(const QString &parent)
{
    runCli({u"init"_s, u"p"_s}, parent);
    return parent + u"/p"_s;
}

// The tests share one server database: each keeps its own version and history tables, so one
// test's leftovers do not change another's plan.
void useOwnTables(const QString &project, const QString &prefix)
{
    QFile ini(project + u"/retort.ini"_s);
    QVERIFY(ini.open(QIODevice::Append));
    ini.write(u"\nversion_table = %1_version\nhistory_table = %1_history\n"_s.arg(prefix).toUtf8());
}

// `retort args` with a file size limit of 0 bytes: every write() of data fails with EFBIG, as
// on a full disk, for any user. SIGXFSZ is ignored so the write fails instead of killing.
CliResult runWithoutFileSpace(const QStringList &args, const QString &dir)
{
    QStringList quoted;
    for (const QString &a : args)
        quoted << u'\'' + QString(a).replace(u'\'', u"'\\''"_s) + u'\'';
    return runProgram(u"/bin/sh"_s,
                         {u"-c"_s, u"trap '' XFSZ; ulimit -f 0; exec '%1' %2"_s.arg(
                                       QStringLiteral(RETORT_CLI_PATH), quoted.join(u' '))},
                         dir);
}

bool run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// A tiny tmpfs, unmounted when the test ends.
struct TinyMount
{
    QString path;
    bool mounted = false;
    explicit TinyMount(const QString &where)
        : path(where)
    {
        QDir().mkpath(path);
        mounted = ::geteuid() == 0
                  && run(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=64k"_s, u"tmpfs"_s, path});
    }
    ~TinyMount()
    {
        if (mounted)
            run(u"umount"_s, {path});
    }
};

} // namespace

void tst_CliSafety::failedWriteLeavesNothing()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp.path());
    const QStringList before = folderListing(tmp.path());
    const CliResult r = runWithoutFileSpace({u"revision"_s, u"-m"_s, u"x"_s, u"--rev-id"_s,
                                             u"aaa111"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"versions/aaa111_x.sql"_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"File too large"_s), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(folderListing(tmp.path()), before);

    const CliResult init = runWithoutFileSpace({u"init"_s, u"q/sub"_s}, tmp.path());
    QCOMPARE(init.exitCode, 1);
    QVERIFY2(init.err.startsWith(u"FAILED: "_s), qPrintable(init.err));
    QVERIFY2(init.err.contains(u"q/sub/retort.ini"_s), qPrintable(init.err));
    QVERIFY2(init.err.contains(u"File too large"_s), qPrintable(init.err));
    QVERIFY2(!init.out.contains(u"done"_s), qPrintable(init.out));
    QCOMPARE(folderListing(tmp.path()), before); // not even the folders q and q/sub
}

void tst_CliSafety::fullOrReadOnlyDiskLeavesNothing()
{
    QTemporaryDir tmp;
    TinyMount disk(tmp.filePath(u"disk"_s));
    if (!disk.mounted)
        QSKIP("Needs root to mount a tmpfs; failedWriteLeavesNothing covers failed writes.");
    const QString p = makeProject(disk.path);
    QVERIFY(QFileInfo(p + u"/retort.ini"_s).isFile());
    {
        QFile filler(disk.path + u"/filler"_s);
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(1024, 'x');
        while (filler.write(block) == block.size()) {
        }
    }
    const QStringList before = folderListing(disk.path);
    const CliResult r = runCli({u"revision"_s, u"-m"_s, u"x"_s, u"--rev-id"_s, u"aaa111"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"versions/aaa111_x.sql: Cannot write the file: No space left on device."_s),
             qPrintable(r.err));
    QCOMPARE(folderListing(disk.path), before);
    const CliResult init = runCli({u"init"_s, u"q"_s}, disk.path);
    QCOMPARE(init.exitCode, 1);
    QVERIFY2(init.err.contains(u"No space left on device"_s), qPrintable(init.err));
    QCOMPARE(folderListing(disk.path), before);

    QFile::remove(disk.path + u"/filler"_s);
    QVERIFY(run(u"mount"_s, {u"-o"_s, u"remount,ro"_s, disk.path}));
    const CliResult ro = runCli({u"revision"_s, u"-m"_s, u"x"_s, u"--rev-id"_s, u"aaa111"_s}, p);
    QCOMPARE(ro.exitCode, 1);
    QVERIFY2(ro.err.startsWith(u"FAILED: "_s) && ro.err.contains(u"aaa111_x.sql"_s)
                 && ro.err.contains(u"Read-only file system"_s),
             qPrintable(ro.err));
}

void tst_CliSafety::fileTemplateMustNameAFileInVersions_data()
{
    QTest::addColumn<QString>("fileTemplate");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("parent folder") << u"../../x_%(rev)s"_s << u"m"_s << u"path separator"_s;
    QTest::newRow("absolute") << u"@TMP@/abs_%(rev)s"_s << u"m"_s << u"path separator"_s;
    QTest::newRow("empty") << QString() << u"m"_s << u"'file_template' is empty"_s;
    QTest::newRow("dot-file") << u".%(rev)s"_s << u"m"_s << u"starts with '.'"_s;
    QTest::newRow("renders empty") << u"%(slug)s"_s << u"!!!"_s << u"makes the file name '.sql'"_s;
}

void tst_CliSafety::fileTemplateMustNameAFileInVersions()
{
    QFETCH(QString, fileTemplate);
    QFETCH(QString, message);
    QFETCH(QString, expected);
    QTemporaryDir tmp;
    const QString p = makeProject(tmp.path());
    QFile ini(p + u"/retort.ini"_s);
    QVERIFY(ini.open(QIODevice::Append));
    ini.write("\nfile_template = " + QString(fileTemplate).replace(u"@TMP@"_s, tmp.path()).toUtf8()
              + "\n");
    ini.close();
    QFile text(ini.fileName());
    QVERIFY(text.open(QIODevice::ReadOnly));
    const int templateLine = int(text.readAll().count('\n')); // the line just appended
    const QStringList before = folderListing(tmp.path());
    const CliResult r = runCli({u"revision"_s, u"-m"_s, message, u"--rev-id"_s, u"aaa111"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"retort.ini:%1: "_s.arg(templateLine)), qPrintable(r.err));
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1);
    QCOMPARE(folderListing(tmp.path()), before);
}

void tst_CliSafety::passwordsAreNeverPrinted_data()
{
    QTest::addColumn<QString>("url");     // --url; "@PG@"/"@MY@" for the test server's host part
    QTest::addColumn<QString>("iniExtra"); // lines added to retort.ini
    QTest::addColumn<QStringList>("args");
    const QString pw = password;
    const QStringList current{u"current"_s};
    const QStringList check{u"check"_s};
    const QStringList upgrade{u"upgrade"_s, u"head"_s};
    // Bad URL forms, every scheme.
    QTest::newRow("sqlite with user") << u"sqlite://user:%1@/x.db"_s.arg(pw) << QString() << current;
    QTest::newRow("sqlite host") << u"sqlite://user:%1@host/x.db"_s.arg(pw) << QString() << current;
    QTest::newRow("sqlite bad option") << u"sqlite://u:%1@/x.db?sslmode=no"_s.arg(pw) << QString()
                                       << current;
    for (const QString &scheme : {u"postgresql"_s, u"mysql"_s, u"mariadb"_s}) {
        const QString s = scheme + u": "_s;
        QTest::newRow(qPrintable(s + u"bad port"_s))
            << u"%1://u:%2@h:99999/db"_s.arg(scheme, pw) << QString() << current;
        QTest::newRow(qPrintable(s + u"empty port"_s))
            << u"%1://u:%2@h:/db"_s.arg(scheme, pw) << QString() << current;
        QTest::newRow(qPrintable(s + u"no database"_s))
            << u"%1://u:%2@h"_s.arg(scheme, pw) << QString() << current;
        QTest::newRow(qPrintable(s + u"slash in database"_s))
            << u"%1://u:%2@h/a/b"_s.arg(scheme, pw) << QString() << current;
        QTest::newRow(qPrintable(s + u"unclosed ["_s))
            << u"%1://u:%2@[::1/db"_s.arg(scheme, pw) << QString() << current;
        QTest::newRow(qPrintable(s + u"unknown option"_s))
            << u"%1://u:%2@h/db?x=1"_s.arg(scheme, pw) << QString() << current;
        QTest::newRow(qPrintable(s + u"bad sslmode"_s))
            << u"%1://u:%2@h/db?sslmode=x"_s.arg(scheme, pw) << QString() << current;
        QTest::newRow(qPrintable(s + u"unreachable"_s))
            << u"%1://u:%2@127.0.0.1:1/db?connect_timeout=2"_s.arg(scheme, pw) << QString() << check;
    }
    QTest::newRow("unknown scheme") << u"oracle://u:%1@h/db"_s.arg(pw) << QString() << current;
    QTest::newRow("scheme with userinfo") << u"u:%1@postgresql://h/db"_s.arg(pw) << QString() << current;
    QTest::newRow("no scheme") << u"u:%1@h/db"_s.arg(pw) << QString() << current;
    QTest::newRow("percent-encoded") << u"postgresql://u:%1%40x@h:0/db"_s.arg(pw) << QString()
                                     << current;
    // From the ini, through ${DBPW}.
    QTest::newRow("ini url") << QString() << u"url = postgresql://u:${DBPW}@h:99999/db"_s << current;
    QTest::newRow("ini unreachable")
        << QString() << u"url = postgresql://u:${DBPW}@127.0.0.1:1/db?connect_timeout=2"_s << upgrade;
    QTest::newRow("schema_command fails")
        << u"sqlite:///app.db"_s
        << u"schema_command = echo ${DBPW} >/dev/null; echo failing >&2; exit 3"_s << check;
    QTest::newRow("schema_command cannot start")
        << u"sqlite:///app.db"_s << u"schema_command = /no/such/dir/${DBPW}"_s << check;
    // Real servers: a wrong database, a bad dev_url.
    QTest::newRow("server: no such database")
        << u"postgresql://postgres:%1@@PG@/no_such_db_x"_s.arg(pw) << QString() << current;
    QTest::newRow("server: mysql no such database")
        << u"mysql://root:%1@@MY@/no_such_db_x"_s.arg(pw) << QString() << current;
    QTest::newRow("server: bad dev_url")
        << u"@MYURL@"_s << u"dev_url = mysql://u:${DBPW}@h:99999/x"_s << check;
    QTest::newRow("server: unreachable dev_url")
        << u"@MYURL@"_s << u"dev_url = mysql://u:${DBPW}@127.0.0.1:1/x?connect_timeout=2"_s << check;
}

void tst_CliSafety::passwordsAreNeverPrinted()
{
    QFETCH(QString, url);
    QFETCH(QString, iniExtra);
    QFETCH(QStringList, args);
    if (url.contains(u"@PG@"_s) || url.contains(u"@MY@"_s) || url.contains(u"@MYURL@"_s)) {
        const bool pg = url.contains(u"@PG@"_s);
        QString server;
        RETORT_REQUIRE_SERVER(pg ? Retort::SqlDialect::PostgreSQL : Retort::SqlDialect::MySQL, server);
        if (url == u"@MYURL@")
            url = server;
        const Retort::Result<Retort::DatabaseUrl> parsed = Retort::DatabaseUrl::parse(server);
        QVERIFY(parsed);
        const QString hostPart = parsed->host + (parsed->port ? u':' + QString::number(parsed->port)
                                                              : QString());
        url.replace(u"@PG@"_s, hostPart).replace(u"@MY@"_s, hostPart);
    }
    QTemporaryDir tmp;
    const QString p = makeProject(tmp.path());
    if (!iniExtra.isEmpty()) {
        QFile ini(p + u"/retort.ini"_s);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(ini.readAll());
        ini.close();
        if (iniExtra.startsWith(u"url ="_s))
            text.replace(u"url = sqlite:///app.db"_s, iniExtra);
        else
            text.replace(u"[retort]\n"_s, u"[retort]\n"_s + iniExtra + u'\n');
        writeText(ini.fileName(), text);
    }
    QStringList all;
    if (!url.isEmpty())
        all << u"--url"_s << url;
    all << args;
    const CliResult r = runCli(all, p, {u"DBPW="_s + password});
    QVERIFY2(r.exitCode == 1, qPrintable(r.err));
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QVERIFY2(!r.err.contains(password) && !r.out.contains(password), qPrintable(r.err + r.out));
    QVERIFY2(!r.err.contains(u"Sekr3t"_s), qPrintable(r.err));
}

static QString upgradedExample(const QTemporaryDir &tmp, const QString &to = u"head"_s)
{
    const QString p = copyExampleProject(tmp.filePath(u"blog"_s));
    const CliResult r = runCli({u"upgrade"_s, to}, p);
    return r.exitCode == 0 ? p : QString();
}

void tst_CliSafety::checkFailsWithOneLineOnStderr()
{
    QTemporaryDir tmp;
    const QString p = upgradedExample(tmp);
    QVERIFY(!p.isEmpty());
    // The example's models are one change ahead of its revisions: catch up first.
    QCOMPARE(runCli({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"catch up"_s}, p).exitCode, 0);
    QCOMPARE(runCli({u"upgrade"_s, u"head"_s}, p).exitCode, 0);
    CliResult r = runCli({u"check"_s}, p);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QFile models(p + u"/schema.sql"_s);
    QVERIFY(models.open(QIODevice::Append));
    models.write("\nCREATE TABLE extra (id INTEGER PRIMARY KEY);\n");
    models.close();
    r = runCli({u"check"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err, u"FAILED: The models and the database differ (1 operation).\n"_s);
    QVERIFY(r.out.contains(u"extra"_s));
}

void tst_CliSafety::checkFailsWhenNotAtHead()
{
    QTemporaryDir tmp;
    const QString p = upgradedExample(tmp, u"7c2e"_s);
    QVERIFY(!p.isEmpty());
    // The models describe head, so the schema differs too; the position is what matters here.
    CliResult r = runCli({u"check"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: The database is not at head: it is at 7c2e91d04a3b;"_s),
             qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1);
    QCOMPARE(runCli({u"upgrade"_s, u"head"_s}, p).exitCode, 0);
    QVERIFY(QFile::remove(p + u"/migrations/versions/f0d4c8b1a627_index_comments_by_post.sql"_s));
    r = runCli({u"check"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: The database is at f0d4c8b1a627, which no file in "
                              "versions/ has."_s),
             qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1);
}

void tst_CliSafety::rejectedMessageNamesNoFile()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp.path());
    const QStringList before = folderListing(tmp.path());
    const CliResult r = runCli({u"revision"_s, u"-m"_s, u"first\nmigrate:upgrade"_s, u"--rev-id"_s,
                                u"aaa111"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: No revision file was written"_s), qPrintable(r.err));
    QVERIFY2(!r.err.contains(u".sql"_s), qPrintable(r.err));
    QCOMPARE(folderListing(tmp.path()), before);
}

void tst_CliSafety::nulByteIsReported()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp.path());
    QFile f(p + u"/migrations/versions/aaa111_nul.sql"_s);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("-- m\n--\n-- Revision ID: aaa111\n\n-- migrate:upgrade\n"
                       "CREATE TABLE t (i INTEGER);\n")
            + QByteArray(1, '\0') + QByteArray("SELECT 1;\n"));
    f.close();
    const CliResult r = runCli({u"upgrade"_s, u"head"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s) && r.err.contains(u"aaa111_nul.sql:7: "_s)
                 && r.err.contains(u"NUL byte"_s),
             qPrintable(r.err));
    QVERIFY(QFile::remove(f.fileName()));
    QFile models(p + u"/schema.sql"_s);
    QVERIFY(models.open(QIODevice::WriteOnly));
    models.write(QByteArray("CREATE TABLE a (i INTEGER);\n\n") + QByteArray(1, '\0'));
    models.close();
    const CliResult diff = runCli({u"diff"_s}, p);
    QCOMPARE(diff.exitCode, 1);
    QVERIFY2(diff.err.startsWith(u"FAILED: "_s) && diff.err.contains(u"schema.sql:3: "_s)
                 && diff.err.contains(u"NUL byte"_s),
             qPrintable(diff.err));
}

void tst_CliSafety::driverTextIsStatedOnce()
{
    QTemporaryDir tmp;
    const QString p = makeProject(tmp.path());
    writeText(p + u"/migrations/versions/aaa111_bad.sql"_s,
              u"-- m\n--\n-- Revision ID: aaa111\n\n-- migrate:upgrade\nINSERT INTO missing VALUES (1);\n"_s);
    const CliResult r = runCli({u"upgrade"_s, u"head"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QCOMPARE(r.err.count(u"no such table: missing"_s), 1);
    QVERIFY2(!r.err.contains(u"Unable to execute"_s), qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1);
}

void tst_CliSafety::lostPostgresConnectionStartsWithFailed()
{
    QString server;
    RETORT_REQUIRE_SERVER(Retort::SqlDialect::PostgreSQL, server);
    QTemporaryDir tmp;
    const QString p = makeProject(tmp.path());
    useOwnTables(p, u"lost"_s);
    // The revision ends its own session, as an administrator's pg_terminate_backend or a server
    // restart between statements would.
    writeText(p + u"/migrations/versions/aaa111_lost.sql"_s,
              u"-- m\n--\n-- Revision ID: aaa111\n\n-- migrate:upgrade\n"
              "CREATE TABLE lost_conn_a (i INTEGER);\n"
              "SELECT pg_terminate_backend(pg_backend_pid());\n"
              "CREATE TABLE lost_conn_b (i INTEGER);\n"_s);
    const CliResult r = runCli({u"--url"_s, server, u"upgrade"_s, u"head"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1);
    const CliResult verbose = runCli({u"--url"_s, server, u"current"_s}, p);
    QCOMPARE(verbose.exitCode, 0);
    QCOMPARE(verbose.out, QString()); // nothing was committed
}

void tst_CliSafety::postgresWarningsStayOffStderr()
{
    QString server;
    RETORT_REQUIRE_SERVER(Retort::SqlDialect::PostgreSQL, server);
    QTemporaryDir tmp;
    const QString p = makeProject(tmp.path());
    useOwnTables(p, u"noisy"_s);
    // libpq prints the server's notices and warnings to stderr itself, past Qt.
    writeText(p + u"/migrations/versions/aaa111_noisy.sql"_s,
              u"-- m\n--\n-- Revision ID: aaa111\n\n-- migrate:upgrade\n"
              "DO $$ BEGIN RAISE WARNING 'noisy warning'; END $$;\n"
              "DROP TABLE IF EXISTS noisy_nothing;\n"
              "\n-- migrate:downgrade\nSELECT 1;\n"_s);
    writeText(p + u"/migrations/versions/bbb222_fails.sql"_s,
              u"-- m\n--\n-- Revision ID: bbb222\n-- Revises: aaa111\n\n-- migrate:upgrade\n"
              "DO $$ BEGIN RAISE WARNING 'noisy warning'; END $$;\n"
              "SELECT * FROM noisy_missing_table;\n"_s);
    CliResult r = runCli({u"--url"_s, server, u"upgrade"_s, u"aaa111"_s}, p);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    r = runCli({u"--url"_s, server, u"upgrade"_s, u"head"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1);
    QCOMPARE(runCli({u"--url"_s, server, u"downgrade"_s, u"base"_s}, p).exitCode, 0);
}

QTEST_GUILESS_MAIN(tst_CliSafety)
#include "tst_clisafety.moc"

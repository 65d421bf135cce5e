#include "../common/clirunner.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace RetortTest;
using namespace Qt::Literals::StringLiterals;

// The `retort` binary as users run it: exit codes, messages, files written.
class tst_Cli : public QObject
{
    Q_OBJECT
private slots:
    void versionAndHelp();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void initCreatesProject();
    void initRefusesExistingProject();
};

void tst_Cli::versionAndHelp()
{
    const CliResult v = runCli({u"--version"_s});
    QCOMPARE(v.exitCode, 0);
    QCOMPARE(v.out.trimmed(), u"retort " RETORT_VERSION ""_s);
    const CliResult h = runCli({u"--help"_s});
    QCOMPARE(h.exitCode, 0);
    QVERIFY(h.out.contains(u"Usage: retort"_s));
    QVERIFY(h.out.contains(u"  init "_s));
    const CliResult vh = runCli({u"init"_s, u"--help"_s});
    QCOMPARE(vh.exitCode, 0);
    QVERIFY(vh.out.startsWith(u"Usage: retort init [options] [DIR]"_s));
}

void tst_Cli::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << u"no command given"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"unknown command 'frobnicate'"_s;
    QTest::newRow("unknown global option") << QStringList{u"--frob"_s, u"init"_s} << u"unknown option '--frob'"_s;
    QTest::newRow("missing -c value") << QStringList{u"-c"_s} << u"needs a value"_s;
    QTest::newRow("unknown verb option") << QStringList{u"init"_s, u"--bad"_s} << u"Unknown option 'bad'"_s;
    QTest::newRow("too many arguments") << QStringList{u"init"_s, u"a"_s, u"b"_s} << u"unexpected argument 'b'"_s;
}

void tst_Cli::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    const CliResult r = runCli(args, tmp.path());
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void tst_Cli::initCreatesProject()
{
    QTemporaryDir tmp;
    const CliResult r = runCli({u"init"_s, u"demo"_s}, tmp.path());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(QFileInfo(tmp.filePath(u"demo/retort.ini"_s)).isFile());
    QVERIFY(QFileInfo(tmp.filePath(u"demo/schema.sql"_s)).isFile());
    QVERIFY(QFileInfo(tmp.filePath(u"demo/migrations/versions"_s)).isDir());
    QVERIFY(r.out.contains(u"Creating file"_s));
}

void tst_Cli::initRefusesExistingProject()
{
    QTemporaryDir tmp;
    QCOMPARE(runCli({u"init"_s, u"demo"_s}, tmp.path()).exitCode, 0);
    QFile schema(tmp.filePath(u"demo/schema.sql"_s));
    QVERIFY(schema.open(QIODevice::WriteOnly));
    schema.write("CREATE TABLE mine (id INTEGER);\n");
    schema.close();
    const CliResult r = runCli({u"init"_s, u"demo"_s}, tmp.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s), qPrintable(r.err));
    QVERIFY(r.err.contains(u"already exists"_s));
    QVERIFY(schema.open(QIODevice::ReadOnly));
    QCOMPARE(schema.readAll(), QByteArray("CREATE TABLE mine (id INTEGER);\n"));
}

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"

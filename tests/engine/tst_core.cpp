#include <engine/core/error.h>
#include <engine/core/filewriter.h>
#include <engine/core/result.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

class tst_Core : public QObject
{
    Q_OBJECT
private slots:
    void errorToStringNamesFileAndLine_data();
    void errorToStringNamesFileAndLine();
    void resultCarriesValueOrError();
    void withContextPrefixesMessage();
    void driverTextIsNotRepeated_data();
    void driverTextIsNotRepeated();
    void fileWriterWritesWholeFile();
    void fileWriterLeavesNothingOnFailedWrite();
};

void tst_Core::errorToStringNamesFileAndLine_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("file and line") << u"v/a.sql"_s << 12 << u"v/a.sql:12: boom"_s;
    QTest::newRow("file only") << u"v/a.sql"_s << 0 << u"v/a.sql: boom"_s;
    QTest::newRow("neither") << QString() << 0 << u"boom"_s;
}

void tst_Core::errorToStringNamesFileAndLine()
{
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(QString, expected);
    QCOMPARE(Error(Error::Kind::Script, u"boom"_s, file, line).toString(), expected);
}

void tst_Core::resultCarriesValueOrError()
{
    Result<int> ok = 42;
    QVERIFY(ok);
    QCOMPARE(*ok, 42);
    Result<int> bad = Error(Error::Kind::Graph, u"no"_s);
    QVERIFY(!bad);
    QCOMPARE(bad.error().kind, Error::Kind::Graph);
    Result<> v;
    QVERIFY(v);
    Result<> e = Error(Error::Kind::Config, u"x"_s);
    QVERIFY(!e);
}

void tst_Core::withContextPrefixesMessage()
{
    const Error e = Error(Error::Kind::Database, u"table exists"_s).withContext(u"upgrade to a1"_s);
    QCOMPARE(e.message, u"upgrade to a1: table exists"_s);
}

void tst_Core::driverTextIsNotRepeated_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("expected");
    QTest::newRow("same text") << u"Statement failed: no such table: t."_s << u"no such table: t"_s
                               << u"Statement failed: no such table: t."_s;
    QTest::newRow("libpq detail") << u"Statement failed: ERROR:  duplicate key."_s
                                  << u"ERROR:  duplicate key\nDETAIL:  Key (id)=(1) exists."_s
                                  << u"Statement failed: ERROR:  duplicate key. (DETAIL:  Key (id)=(1) "
                                     "exists.)"_s;
    QTest::newRow("lost connection") << u"Statement failed: FATAL:  terminating connection."_s
                                     << u"FATAL:  terminating connection\nserver closed the "
                                        "connection unexpectedly\n\tThis probably means..."_s
                                     << u"Statement failed: FATAL:  terminating connection."_s;
    QTest::newRow("other text") << u"Cannot lock."_s << u"disk I/O error\nmore"_s
                                << u"Cannot lock. (disk I/O error more)"_s;
}

void tst_Core::driverTextIsNotRepeated()
{
    QFETCH(QString, message);
    QFETCH(QString, detail);
    QFETCH(QString, expected);
    Error e(Error::Kind::Database, message);
    e.detail = detail;
    QCOMPARE(e.toString(), expected);
}

void tst_Core::fileWriterWritesWholeFile()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"a.sql"_s);
    QVERIFY(FileWriter::write(path, "SELECT 1;\n", Error::Kind::Script));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("SELECT 1;\n"));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"a.sql"_s});
}

void tst_Core::fileWriterLeavesNothingOnFailedWrite()
{
    // A file size limit makes write() fail with EFBIG, as a full disk fails with ENOSPC, for any
    // user; SIGXFSZ ignored, so the call fails instead of ending the process.
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"a.sql"_s);
    rlimit old{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit tiny = old;
    tiny.rlim_cur = 16;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &tiny), 0);
    const Result<> r = FileWriter::write(path, QByteArray(4096, 'x'), Error::Kind::Config);
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Config);
    QCOMPARE(r.error().file, path);
    QVERIFY2(r.error().message.contains(u"File too large"_s), qPrintable(r.error().message));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

QTEST_GUILESS_MAIN(tst_Core)
#include "tst_core.moc"

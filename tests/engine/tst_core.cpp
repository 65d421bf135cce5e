#include <engine/core/error.h>
#include <engine/core/result.h>

#include <QTest>

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

QTEST_GUILESS_MAIN(tst_Core)
#include "tst_core.moc"

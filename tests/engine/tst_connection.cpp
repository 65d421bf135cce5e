#include "../common/testdatabases.h"

#include <engine/db/connection.h>

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

class tst_Connection : public QObject
{
    Q_OBJECT
private slots:
    void queriesEachEngine_data();
    void queriesEachEngine();
    void removesItsConnectionName();
    void sqliteHasForeignKeysOn();
    void failingStatementCarriesSqlAndLine();
    void laterStatementFailureIsNotHidden_data();
    void laterStatementFailureIsNotHidden();
    void unreachableServerFailsFast_data();
    void unreachableServerFailsFast();
    void wrongPasswordIsASentence();
    void missingSqliteFolderIsASentence();
    void sqliteFileThatIsNotADatabaseFailsAtOpen();
};

static QString urlFor(const QString &which, const QString &tmpDir)
{
    if (which == u"sqlite")
        return u"sqlite:///"_s + tmpDir + u"/t.db"_s;
    return {};
}

void tst_Connection::queriesEachEngine_data()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("sqlite") << int(SqlDialect::SQLite);
    QTest::newRow("postgresql") << int(SqlDialect::PostgreSQL);
    QTest::newRow("mariadb") << int(SqlDialect::MySQL);
}

void tst_Connection::queriesEachEngine()
{
    QFETCH(int, dialect);
    QTemporaryDir tmp;
    QString url;
    if (SqlDialect(dialect) == SqlDialect::SQLite)
        url = urlFor(u"sqlite"_s, tmp.path());
    else
        RETORT_REQUIRE_SERVER(SqlDialect(dialect), url);
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    QVERIFY(parsed);
    auto c = Connection::open(*parsed);
    QVERIFY2(c, qPrintable(c ? QString() : c.error().toString()));
    Connection &conn = **c;
    QVERIFY(conn.exec(u"DROP TABLE IF EXISTS conn_probe"_s));
    QVERIFY(conn.exec(u"CREATE TABLE conn_probe (id INTEGER PRIMARY KEY, name VARCHAR(20))"_s));
    QVERIFY(conn.exec(u"INSERT INTO conn_probe VALUES (1, 'ünïcode')"_s));
    const auto rows = conn.select(u"SELECT id, name FROM conn_probe WHERE id = ?"_s, {1});
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).at(1).toString(), u"ünïcode"_s);
    QVERIFY(conn.exec(u"DROP TABLE conn_probe"_s));
    if (conn.dialect() == SqlDialect::PostgreSQL) {
        const auto app = conn.select(u"SELECT current_setting('application_name')"_s);
        QVERIFY(app);
        QCOMPARE(app->at(0).at(0).toString(), u"retort"_s);
    }
}

void tst_Connection::removesItsConnectionName()
{
    QTemporaryDir tmp;
    const QStringList before = QSqlDatabase::connectionNames();
    {
        auto c = Connection::open(*DatabaseUrl::parse(urlFor(u"sqlite"_s, tmp.path())));
        QVERIFY(c);
        auto c2 = Connection::open(*DatabaseUrl::parse(urlFor(u"sqlite"_s, tmp.path())));
        QVERIFY(c2);
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
    }
    QCOMPARE(QSqlDatabase::connectionNames(), before);
}

void tst_Connection::sqliteHasForeignKeysOn()
{
    auto c = Connection::open(*DatabaseUrl::parse(u"sqlite://"_s));
    QVERIFY(c);
    const auto rows = (*c)->select(u"PRAGMA foreign_keys"_s);
    QVERIFY(rows);
    QCOMPARE(rows->at(0).at(0).toInt(), 1);
}

void tst_Connection::failingStatementCarriesSqlAndLine()
{
    auto c = Connection::open(*DatabaseUrl::parse(u"sqlite://"_s));
    QVERIFY(c);
    const Result<> r = (*c)->exec(u"SELEC 1"_s, 7);
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Database);
    QCOMPARE(r.error().sql, u"SELEC 1"_s);
    QCOMPARE(r.error().line, 7);
    QVERIFY2(r.error().message.contains(u"syntax error"_s), qPrintable(r.error().message));
}

void tst_Connection::laterStatementFailureIsNotHidden_data()
{
    // QSQLITE refuses batches outright; the splitter covers it.
    QTest::addColumn<int>("dialect");
    QTest::newRow("postgresql") << int(SqlDialect::PostgreSQL);
    QTest::newRow("mariadb") << int(SqlDialect::MySQL);
}

// TOOLCHAIN.md: QPSQL and QMYSQL return true from exec() when a later statement of a batch fails.
void tst_Connection::laterStatementFailureIsNotHidden()
{
    QFETCH(int, dialect);
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect(dialect), url);
    auto c = Connection::open(*DatabaseUrl::parse(url));
    QVERIFY(c);
    const Result<> r = (*c)->exec(u"SELECT 1; SELECT * FROM surely_no_such_table"_s);
    QVERIFY(!r);
}

void tst_Connection::unreachableServerFailsFast_data()
{
    QTest::addColumn<QString>("url");
    // Port 1 on loopback: nothing listens, so the refusal is immediate.
    QTest::newRow("postgresql") << u"postgresql://u:pw@127.0.0.1:1/d?connect_timeout=2"_s;
    QTest::newRow("mariadb") << u"mysql://u:pw@127.0.0.1:1/d?connect_timeout=2"_s;
}

void tst_Connection::unreachableServerFailsFast()
{
    QFETCH(QString, url);
    QElapsedTimer timer;
    timer.start();
    auto c = Connection::open(*DatabaseUrl::parse(url));
    QVERIFY(!c);
    QVERIFY(timer.elapsed() < 10000);
    QVERIFY2(c.error().message.startsWith(u"Cannot connect to "_s), qPrintable(c.error().message));
    QVERIFY2(c.error().message.contains(u":***@127.0.0.1:1/d"_s), qPrintable(c.error().message));
    QVERIFY(!c.error().message.contains(u":pw@"_s));
}

void tst_Connection::wrongPasswordIsASentence()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    // The throwaway MariaDB's root has an empty password, so any password is wrong.
    QString bad = url;
    bad.replace(u"root@"_s, u"root:wrong@"_s);
    auto c = Connection::open(*DatabaseUrl::parse(bad));
    QVERIFY(!c);
    QVERIFY2(c.error().message.contains(u"Access denied"_s), qPrintable(c.error().message));
    QVERIFY(!c.error().message.contains(u"wrong"_s));
}

void tst_Connection::missingSqliteFolderIsASentence()
{
    auto c = Connection::open(*DatabaseUrl::parse(u"sqlite:////no/such/folder/x.db"_s));
    QVERIFY(!c);
    QVERIFY2(c.error().message.contains(u"does not exist"_s), qPrintable(c.error().message));
}

void tst_Connection::sqliteFileThatIsNotADatabaseFailsAtOpen()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"notes.db"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x')); // a text file where the database should be
    f.close();
    auto c = Connection::open(*DatabaseUrl::parse(u"sqlite:///"_s + path));
    QVERIFY(!c);
    QVERIFY2(c.error().message.startsWith(u"Cannot open sqlite:///"_s + path + u": "_s),
             qPrintable(c.error().message));
    QVERIFY2(c.error().message.contains(u"not a database"_s), qPrintable(c.error().message));
    QCOMPARE(QFileInfo(path).size(), 4096); // left as it was
}

QTEST_GUILESS_MAIN(tst_Connection)
#include "tst_connection.moc"

#include "../common/clirunner.h"
#include "../common/testdatabases.h"

#include <engine/db/connection.h>

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;
using namespace RetortTest;
using namespace Qt::Literals::StringLiterals;

// The autogenerate workflow as a user runs it, through the `retort` binary, on each engine:
// change the models, autogenerate, upgrade, check, downgrade -1 — and the rows survive.
class tst_Autogenerate : public QObject
{
    Q_OBJECT
private slots:
    void sqlModelsWorkflow_data();
    void sqlModelsWorkflow();
    void sqlModelTutorialWorkflow_data();
    void sqlModelTutorialWorkflow();
    void ormModelsErrors_data();
    void ormModelsErrors();
    void modelsErrorNamesFileAndLine();

private:
    // A fresh database for one test row: a file for SQLite, a new database on the servers.
    QString freshDatabase(SqlDialect dialect, const QTemporaryDir &tmp);
    void dropDatabases();
    QList<QPair<QString, QString>> m_created; // server URL, database name
};

static void writeText(const QString &path, const QString &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
}

QString tst_Autogenerate::freshDatabase(SqlDialect dialect, const QTemporaryDir &tmp)
{
    if (dialect == SqlDialect::SQLite)
        return u"sqlite:///"_s + tmp.filePath(u"app.db"_s);
    const QString server = serverUrl(dialect);
    auto c = Connection::open(*DatabaseUrl::parse(server));
    if (!c)
        return {};
    const QString name = u"retort_ag_%1"_s.arg(qulonglong(QRandomGenerator::global()->generate()), 8, 16, QChar(u'0'));
    if (!(*c)->exec(u"CREATE DATABASE "_s + name))
        return {};
    m_created << qMakePair(server, name);
    QString url = server;
    url.replace(u"/retort_test"_s, u'/' + name);
    return url;
}

void tst_Autogenerate::dropDatabases()
{
    for (const auto &[server, name] : std::as_const(m_created)) {
        auto c = Connection::open(*DatabaseUrl::parse(server));
        if (c)
            (void)(*c)->exec(u"DROP DATABASE "_s + name);
    }
    m_created.clear();
}

static void dialectRows()
{
    QTest::addColumn<int>("dialect");
    QTest::newRow("sqlite") << int(SqlDialect::SQLite);
    QTest::newRow("postgresql") << int(SqlDialect::PostgreSQL);
    QTest::newRow("mariadb") << int(SqlDialect::MySQL);
}

void tst_Autogenerate::sqlModelsWorkflow_data()
{
    dialectRows();
}

void tst_Autogenerate::sqlModelsWorkflow()
{
    QFETCH(int, dialect);
    QString server;
    if (SqlDialect(dialect) != SqlDialect::SQLite)
        RETORT_REQUIRE_SERVER(SqlDialect(dialect), server);
    QTemporaryDir tmp;
    const QString url = freshDatabase(SqlDialect(dialect), tmp);
    QVERIFY(!url.isEmpty());
    const QString p = tmp.filePath(u"p"_s);
    QCOMPARE(runCli({u"init"_s, p}).exitCode, 0);
    const QStringList env{u"RETORT_URL="_s + url};
    const QString before = u"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);\n"
                           "CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL "
                           "REFERENCES author (id), title VARCHAR(200) NOT NULL);\n"_s;
    writeText(p + u"/schema.sql"_s, before);
    CliResult r = runCli({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"initial"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(u"Detected added table 'author'"_s));
    QVERIFY(r.out.contains(u"Generating "_s));
    r = runCli({u"upgrade"_s, u"head"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(runCli({u"check"_s}, p, env).exitCode, 0);
    // Rows that must survive the next migration and its downgrade.
    {
        auto c = Connection::open(*DatabaseUrl::parse(url));
        QVERIFY(c);
        QVERIFY((*c)->exec(u"INSERT INTO author (id, name) VALUES (1, 'Le Guin')"_s));
        QVERIFY((*c)->exec(u"INSERT INTO book (id, author_id, title) VALUES (7, 1, 'The Dispossessed')"_s));
    }
    writeText(p + u"/schema.sql"_s,
              u"CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, born INTEGER);\n"
              "CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL "
              "REFERENCES author (id), title VARCHAR(200) NOT NULL);\n"
              "CREATE INDEX ix_book_title ON book (title);\n"_s);
    QCOMPARE(runCli({u"check"_s}, p, env).exitCode, 1);
    r = runCli({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"add born"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"Detected added column 'author.born'"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"Detected added index 'ix_book_title'"_s), qPrintable(r.out));
    r = runCli({u"upgrade"_s, u"head"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = runCli({u"check"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    r = runCli({u"downgrade"_s, u"-1"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    writeText(p + u"/schema.sql"_s, before);
    // The schema matches the old models again; check still fails, as the database is a revision
    // behind head now (#14).
    r = runCli({u"check"_s}, p, env);
    QVERIFY2(r.exitCode == 1 && r.out.isEmpty(), qPrintable(r.out + r.err));
    QVERIFY2(r.err.startsWith(u"FAILED: The database is not at head"_s), qPrintable(r.err));
    auto c = Connection::open(*DatabaseUrl::parse(url));
    QVERIFY(c);
    const auto rows = (*c)->select(u"SELECT a.name, b.title FROM author a JOIN book b ON b.author_id = a.id"_s);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->at(0).at(1).toString(), u"The Dispossessed"_s);
    c->reset();
    dropDatabases();
}

void tst_Autogenerate::sqlModelTutorialWorkflow_data()
{
    dialectRows();
}

// Alembic's tutorial with SQLModel models through `models = sqlalchemy:models`
// (resources/recipes/sqlmodel), the dumper embedded in Retort.
void tst_Autogenerate::sqlModelTutorialWorkflow()
{
    QFETCH(int, dialect);
    if (QProcess::execute(u"/usr/bin/python3"_s, {u"-c"_s, u"import sqlmodel"_s}) != 0)
        QFAIL("python3-sqlmodel is not installed (make deps installs it).");
    QString server;
    if (SqlDialect(dialect) != SqlDialect::SQLite)
        RETORT_REQUIRE_SERVER(SqlDialect(dialect), server);
    QTemporaryDir tmp;
    const QString url = freshDatabase(SqlDialect(dialect), tmp);
    QVERIFY(!url.isEmpty());
    const QString p = tmp.filePath(u"p"_s);
    QCOMPARE(runCli({u"init"_s, u"--models"_s, u"sqlalchemy:models"_s, p}).exitCode, 0);
    QVERIFY(!QFileInfo::exists(p + u"/schema.sql"_s));
    const QString recipe = QStringLiteral(RETORT_SOURCE_DIR "/resources/recipes/sqlmodel");
    QVERIFY(QFile::copy(recipe + u"/models.py"_s, p + u"/models.py"_s));
    const QStringList env{u"RETORT_URL="_s + url, u"RETORT_PYTHON=/usr/bin/python3"_s};
    CliResult r = runCli({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"create user"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"Detected added table 'user'"_s), qPrintable(r.out));
    QCOMPARE(runCli({u"upgrade"_s, u"head"_s}, p, env).exitCode, 0);
    QFile models(p + u"/models.py"_s);
    QVERIFY(models.open(QIODevice::Append));
    models.write("    age: Optional[int] = None\n");
    models.close();
    r = runCli({u"revision"_s, u"--autogenerate"_s, u"-m"_s, u"add age field to user"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"Detected added column 'user.age'"_s), qPrintable(r.out));
    QCOMPARE(runCli({u"upgrade"_s, u"head"_s}, p, env).exitCode, 0);
    QCOMPARE(runCli({u"check"_s}, p, env).exitCode, 0);
    r = runCli({u"downgrade"_s, u"-1"_s}, p, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(u"add age field to user"_s));
    r = runCli({u"check"_s}, p, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.contains(u"Detected added column 'user.age'"_s));
    dropDatabases();
}

// `models` errors are one sentence naming the ini line and what went wrong in Python.
void tst_Autogenerate::ormModelsErrors_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("modelsPy");
    QTest::addColumn<bool>("bareSite");
    QTest::addColumn<QString>("expected");
    const QString table = u"from sqlalchemy import Column, Integer, MetaData, Table\n"
                          "meta = MetaData()\nTable('t', meta, Column('id', Integer))\n"_s;
    QTest::newRow("module missing") << u"sqlalchemy:nosuch.models"_s << QString() << false
                                    << u"no module named 'nosuch' (sys.path: "_s;
    QTest::newRow("no tables") << u"sqlalchemy:models"_s << u"X = 1\n"_s << false
                               << u"no tables found in models"_s;
    QTest::newRow("attribute missing") << u"models:Base.metadata"_s << table << false
                                       << u"models has no attribute Base.metadata"_s;
    QTest::newRow("not a MetaData") << u"models:X"_s << table + u"X = 1\n"_s << false
                                    << u"models:X is a int, not an SQLAlchemy MetaData"_s;
    QTest::newRow("module raises") << u"sqlalchemy:models"_s << u"raise ValueError('boom')\n"_s
                                   << false << u"importing models failed: ValueError: boom"_s;
    QTest::newRow("sqlalchemy missing") << u"sqlalchemy:models"_s << table << true
                                        << u"SQLAlchemy is not installed in "_s;
}

void tst_Autogenerate::ormModelsErrors()
{
    QFETCH(QString, spec);
    QFETCH(QString, modelsPy);
    QFETCH(bool, bareSite);
    QFETCH(QString, expected);
    QTemporaryDir tmp;
    const QString p = tmp.filePath(u"p"_s);
    QCOMPARE(runCli({u"init"_s, u"--models"_s, spec, p}).exitCode, 0);
    if (!modelsPy.isEmpty())
        writeText(p + u"/models.py"_s, modelsPy);
    QString python = u"/usr/bin/python3"_s;
    if (bareSite) { // a real Python that cannot see site-packages: no SQLAlchemy
        python = tmp.filePath(u"bare-python"_s);
        writeText(python, u"#!/bin/sh\nexec /usr/bin/python3 -I -S \"$@\"\n"_s);
        QFile::setPermissions(python, QFile::permissions(python) | QFileDevice::ExeOwner);
    }
    const CliResult r = runCli({u"check"_s}, p, {u"RETORT_PYTHON="_s + python});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(u"FAILED: "_s) && r.err.contains(u"retort.ini:"_s)
                 && r.err.contains(expected),
             qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), 1);
}

void tst_Autogenerate::modelsErrorNamesFileAndLine()
{
    QTemporaryDir tmp;
    const QString p = tmp.filePath(u"p"_s);
    QCOMPARE(runCli({u"init"_s, p}).exitCode, 0);
    writeText(p + u"/schema.sql"_s, u"CREATE TABLE a (id INTEGER);\n\nCREATE TABLE b (id INTEGR PRIMARY KEY,);\n"_s);
    const CliResult r = runCli({u"check"_s}, p);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"schema.sql:3:"_s), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(p + u"/app.db-journal"_s));
}

QTEST_GUILESS_MAIN(tst_Autogenerate)
#include "tst_autogenerate.moc"

#include "../common/testdatabases.h"
#include <engine/sql/parentheses.h>
#include <engine/sql/statementsplitter.h>
#include <engine/sql/transactioncontrol.h>

#include <QRandomGenerator>
#include <QTest>

#ifdef RETORT_HAVE_SQLITE3
#include <sqlite3.h>
#endif
#ifdef RETORT_HAVE_PG_QUERY
#include <pg_query.h>
#endif

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(Retort::SqlDialect)

namespace {

// "LINE: text" per statement: one comparable string list.
QStringList describe(const StatementList &statements)
{
    QStringList out;
    for (const Statement &s : statements)
        out << QString::number(s.line) + u": "_s + s.text;
    return out;
}

QString tag(SqlDialect d)
{
    return dialectName(d);
}

const QList<SqlDialect> allDialects{SqlDialect::SQLite, SqlDialect::PostgreSQL, SqlDialect::MySQL};

} // namespace

class tst_Sql : public QObject
{
    Q_OBJECT
private slots:
    void split_data();
    void split();
    void splitReportsErrors_data();
    void splitReportsErrors();
    void sqliteOracleAgrees_data() { oracleRows(SqlDialect::SQLite, &tst_Sql::split_data); }
    void sqliteOracleAgrees();
    void sqliteOracleFindsSameErrors_data()
    {
        oracleRows(SqlDialect::SQLite, &tst_Sql::splitReportsErrors_data);
    }
    void sqliteOracleFindsSameErrors();
    void pgQueryOracleAgrees_data() { oracleRows(SqlDialect::PostgreSQL, &tst_Sql::split_data); }
    void pgQueryOracleAgrees();
    void pgQueryOracleFindsSameErrors_data()
    {
        oracleRows(SqlDialect::PostgreSQL, &tst_Sql::splitReportsErrors_data);
    }
    void pgQueryOracleFindsSameErrors();
    void textIsASliceOfTheInput_data() { split_data(); }
    void textIsASliceOfTheInput();
    void randomScripts_data();
    void randomScripts();
    void transactionControl_data();
    void transactionControl();
    void parenthesized_data();
    void parenthesized();

private:
    // The rows of `data` for one dialect that its oracle can judge.
    void oracleRows(SqlDialect d, void (tst_Sql::*data)())
    {
        s_oracleDialect = d;
        (this->*data)();
        s_oracleDialect.reset();
    }
    static inline std::optional<SqlDialect> s_oracleDialect;
    static bool wanted(SqlDialect d, bool oracle)
    {
        return !s_oracleDialect || (*s_oracleDialect == d && oracle);
    }

    // Rows: "oracle" is false where the row uses Retort's own markers or MySQL client syntax,
    // which the oracles cannot know.
    static void row(const char *name,
                    SqlDialect d,
                    const QString &sql,
                    const QStringList &expected,
                    bool oracle = true,
                    int firstLine = 1);
    static void commonRows(SqlDialect d);
    static void sqliteRows();
    static void postgresRows();
    static void mysqlRows();
    static void errorRow(const char *name,
                         SqlDialect d,
                         const QString &sql,
                         int line,
                         const QString &messagePart,
                         bool oracle = true,
                         int firstLine = 1);
};

void tst_Sql::row(const char *name,
                  SqlDialect d,
                  const QString &sql,
                  const QStringList &expected,
                  bool oracle,
                  int firstLine)
{
    if (wanted(d, oracle))
        QTest::addRow("%s: %s", qPrintable(tag(d)), name)
                << d << sql << firstLine << expected << oracle;
}

#include "tst_sql_rows.inc"

void tst_Sql::split_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("oracle");
    for (SqlDialect d : allDialects)
        commonRows(d);
    sqliteRows();
    postgresRows();
    mysqlRows();
}

void tst_Sql::split()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(int, firstLine);
    QFETCH(QStringList, expected);
    const Result<StatementList> r = StatementSplitter::split(sql, dialect, firstLine);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(describe(*r), expected);
}

void tst_Sql::textIsASliceOfTheInput()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(int, firstLine);
    const Result<StatementList> r = StatementSplitter::split(sql, dialect, firstLine);
    QVERIFY(r);
    qsizetype from = 0;
    for (const Statement &s : *r) {
        QVERIFY(!s.text.isEmpty());
        QCOMPARE(s.text, s.text.trimmed());
        const qsizetype at = sql.indexOf(s.text, from);
        QVERIFY2(at >= 0, qPrintable(s.text));
        // The line is the one the text starts on in the input.
        QCOMPARE(s.line, firstLine + int(QStringView(sql).first(at).count(u'\n')));
        from = at + s.text.size();
    }
}

void tst_Sql::errorRow(const char *name,
                       SqlDialect d,
                       const QString &sql,
                       int line,
                       const QString &messagePart,
                       bool oracle,
                       int firstLine)
{
    if (wanted(d, oracle))
        QTest::addRow("%s: %s", qPrintable(tag(d)), name)
                << d << sql << firstLine << line << messagePart << oracle;
}

void tst_Sql::splitReportsErrors()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(int, firstLine);
    QFETCH(int, line);
    QFETCH(QString, messagePart);
    const Result<StatementList> r = StatementSplitter::split(sql, dialect, firstLine);
    QVERIFY2(!r, qPrintable(r ? describe(*r).join(u" | ") : QString()));
    QCOMPARE(r.error().kind, Error::Kind::Script);
    QCOMPARE(r.error().line, line);
    QVERIFY2(r.error().message.contains(messagePart), qPrintable(r.error().message));
}

// sqlite3_complete() as a splitter: cut after each ';' that completes the text so far.
void tst_Sql::sqliteOracleAgrees()
{
#ifndef RETORT_HAVE_SQLITE3
    RETORT_REQUIRE_TOOL(false, "libsqlite3 (not found at configure time)");
#else
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(bool, oracle);
    QVERIFY(dialect == SqlDialect::SQLite && oracle);
    const QByteArray utf8 = sql.toUtf8();
    QList<QByteArray> pieces;
    qsizetype start = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8[i] != ';')
            continue;
        const QByteArray piece = utf8.mid(start, i + 1 - start);
        if (sqlite3_complete(piece.constData())) {
            pieces << piece.chopped(1);
            start = i + 1;
        }
    }
    pieces << utf8.mid(start);
    // A piece holds a token unless SQLite's parser finds no statement in it (it then returns
    // SQLITE_OK and no statement; a syntax error or an unknown table also means a token).
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(":memory:", &db), SQLITE_OK);
    QList<QByteArray> real;
    for (const QByteArray &p : std::as_const(pieces)) {
        sqlite3_stmt *stmt = nullptr;
        const int rc = sqlite3_prepare_v2(db, p.constData(), int(p.size()), &stmt, nullptr);
        if (rc != SQLITE_OK || stmt)
            real << p;
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    const Result<StatementList> r = StatementSplitter::split(sql, dialect);
    QVERIFY(r);
    QCOMPARE(r->size(), real.size());
    for (qsizetype i = 0; i < real.size(); ++i) {
        const QByteArray mine = r->at(i).text.toUtf8();
        QVERIFY2(real[i].contains(mine), mine.constData());
        QVERIFY2(sqlite3_complete(QByteArray(mine + ';').constData()), mine.constData());
    }
#endif
}

void tst_Sql::sqliteOracleFindsSameErrors()
{
#ifndef RETORT_HAVE_SQLITE3
    RETORT_REQUIRE_TOOL(false, "libsqlite3 (not found at configure time)");
#else
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(bool, oracle);
    QVERIFY(dialect == SqlDialect::SQLite && oracle);
    // Unterminated quotes and comments leave the text incomplete whatever follows.
    QVERIFY(!sqlite3_complete((sql + u"\n;"_s).toUtf8().constData()));
#endif
}

#ifdef RETORT_HAVE_PG_QUERY
namespace {
// libpg_query: the parser's split where it parses the text (it knows BEGIN ATOMIC), else the
// scanner's. Empty when it reports an error.
std::optional<QStringList> pgQuerySplit(const QByteArray &utf8)
{
    for (auto fn : {&pg_query_split_with_parser, &pg_query_split_with_scanner}) {
        PgQuerySplitResult r = fn(utf8.constData());
        std::optional<QStringList> out;
        if (!r.error) {
            out = QStringList();
            for (int i = 0; i < r.n_stmts; ++i)
                *out << QString::fromUtf8(utf8.mid(r.stmts[i]->stmt_location, r.stmts[i]->stmt_len));
        }
        pg_query_free_split_result(r);
        if (out)
            return out;
    }
    return std::nullopt;
}
} // namespace
#endif

void tst_Sql::pgQueryOracleAgrees()
{
#ifndef RETORT_HAVE_PG_QUERY
    RETORT_REQUIRE_TOOL(false, "libpg_query (not found at configure time)");
#else
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(bool, oracle);
    QVERIFY(dialect == SqlDialect::PostgreSQL && oracle);
    const std::optional<QStringList> pieces = pgQuerySplit(sql.toUtf8());
    QVERIFY(pieces);
    const Result<StatementList> r = StatementSplitter::split(sql, dialect);
    QVERIFY(r);
    QCOMPARE(r->size(), pieces->size());
    for (qsizetype i = 0; i < pieces->size(); ++i)
        QVERIFY2(pieces->at(i).contains(r->at(i).text), qPrintable(r->at(i).text));
#endif
}

void tst_Sql::pgQueryOracleFindsSameErrors()
{
#ifndef RETORT_HAVE_PG_QUERY
    RETORT_REQUIRE_TOOL(false, "libpg_query (not found at configure time)");
#else
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(bool, oracle);
    QVERIFY(dialect == SqlDialect::PostgreSQL && oracle);
    QVERIFY(!pgQuerySplit(sql.toUtf8()));
#endif
}

namespace {

// Statements with every kind of trap, each one statement in its dialect, none with a leading or
// trailing comment: split() must give them back exactly.
QStringList fragments(SqlDialect d)
{
    QStringList out{u"SELECT 1"_s,
                    u"SELECT 'a;b'"_s,
                    u"SELECT 'it''s;'"_s,
                    u"SELECT 1 /* ; */ + 2"_s,
                    u"SELECT 1 -- c;\n + 2"_s,
                    u"CREATE TABLE t (a INT, b TEXT DEFAULT ';')"_s,
                    u"INSERT INTO t VALUES (1, 'ü; 日本')"_s,
                    u"SELECT CASE WHEN a THEN 'x;' END FROM t"_s};
    switch (d) {
    case SqlDialect::SQLite:
        out << u"SELECT \"c;x\" FROM t"_s << u"SELECT [x;y] FROM t"_s << u"SELECT `a;b`"_s
            << u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; UPDATE t SET a = CASE WHEN "
               "1 THEN 2 END; END"_s
            << u"CREATE TEMP TRIGGER tr2 AFTER DELETE ON t BEGIN\r\n DELETE FROM u; -- x;\r\nEND"_s;
        break;
    case SqlDialect::PostgreSQL:
        out << u"SELECT \"c;x\" FROM t"_s << u"SELECT $$;$$"_s << u"SELECT $a$ $$;$$ ; $a$"_s
            << u"DO $$ BEGIN PERFORM 1; END $$"_s << u"SELECT E'\\';'"_s
            << u"SELECT /* /* ; */ ; */ 1"_s
            << u"CREATE RULE r AS ON INSERT TO t DO INSTEAD (INSERT INTO a VALUES (1); "
               "INSERT INTO b VALUES (2))"_s;
        break;
    case SqlDialect::MySQL:
        out << u"SELECT \"c;\\\"x\""_s << u"SELECT 'a\\';b'"_s << u"SELECT `a;b`"_s
            << u"SELECT 1 # x;\n + 2"_s << u"/*!40101 SET NAMES utf8 */"_s
            << u"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN IF NEW.a THEN SET NEW.b "
               "= 1; END IF; END"_s
            << u"CREATE PROCEDURE p() BEGIN DECLARE i INT; WHILE i < 3 DO SET i = i + 1; END "
               "WHILE; END"_s;
        break;
    }
    return out;
}

QStringList separators(SqlDialect d)
{
    QStringList out{u""_s,
                    u" "_s,
                    u"\n"_s,
                    u"\r\n"_s,
                    u"\n-- c; here\n"_s,
                    u" /* c; */ "_s,
                    u";"_s,
                    u"\t;\n"_s};
    if (d == SqlDialect::MySQL)
        out << u"# c;\n"_s;
    return out;
}

} // namespace

void tst_Sql::randomScripts_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    for (SqlDialect d : allDialects)
        QTest::addRow("%s", qPrintable(tag(d))) << d;
}

// Scripts assembled from fragments and separators at random (fixed seed): the statements come
// back as assembled, with their lines, and the oracles count as many.
void tst_Sql::randomScripts()
{
    QFETCH(SqlDialect, dialect);
    const QStringList pool = fragments(dialect);
    const QStringList glue = separators(dialect);
    QRandomGenerator random(20261124);
    for (int round = 0; round < 300; ++round) {
        QString sql = glue.at(random.bounded(glue.size()));
        QStringList expected;
        const int count = random.bounded(1, 8);
        for (int i = 0; i < count; ++i) {
            const QString fragment = pool.at(random.bounded(pool.size()));
            expected << QString::number(1 + sql.count(u'\n')) + u": "_s + fragment;
            sql += fragment;
            if (i + 1 < count || random.bounded(2))
                sql += u';';
            sql += glue.at(random.bounded(glue.size()));
        }
        const Result<StatementList> r = StatementSplitter::split(sql, dialect);
        QVERIFY2(r, qPrintable(sql));
        QCOMPARE(describe(*r), expected);
#ifdef RETORT_HAVE_SQLITE3
        if (dialect == SqlDialect::SQLite) {
            for (const Statement &s : *r)
                QVERIFY2(sqlite3_complete(QByteArray(s.text.toUtf8() + ';').constData()),
                         qPrintable(s.text));
        }
#endif
#ifdef RETORT_HAVE_PG_QUERY
        if (dialect == SqlDialect::PostgreSQL) {
            const std::optional<QStringList> pieces = pgQuerySplit(sql.toUtf8());
            QVERIFY2(pieces, qPrintable(sql));
            QCOMPARE(pieces->size(), expected.size());
        }
#endif
    }
}

void tst_Sql::transactionControl_data()
{
    // A script, split as a revision is; expected: "line: KEYWORD" per transaction-control statement.
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("expected");
    const QString plain = u"CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n"
                          "UPDATE t SET id = 2;\nSELECT 1;\n"_s;
    for (SqlDialect d : allDialects) {
        QTest::addRow("%s: none", qPrintable(tag(d))) << d << plain << QStringList();
        QTest::addRow("%s: common words", qPrintable(tag(d)))
            << d
            << u"INSERT INTO t VALUES (1);\nCOMMIT;\nbegin;\nSavepoint s1;\nRELEASE s1;\n"
               "ROLLBACK TO s1;\nrollback;\n"_s
            << QStringList{u"2: COMMIT"_s, u"3: BEGIN"_s, u"4: SAVEPOINT"_s, u"5: RELEASE"_s,
                           u"6: ROLLBACK"_s, u"7: ROLLBACK"_s};
        QTest::addRow("%s: after comments", qPrintable(tag(d)))
            << d << u"-- why\n/* more */ COMMIT;\n"_s << QStringList{u"2: COMMIT"_s};
        // Words that only look alike.
        QTest::addRow("%s: lookalikes", qPrintable(tag(d)))
            << d
            << u"CREATE TABLE begin_log (id INT);\nINSERT INTO commits VALUES (1);\n"
               "UPDATE t SET rollback_reason = 'COMMIT';\nSELECT 'BEGIN';\n"_s
            << QStringList();
    }
    QTest::newRow("sqlite: BEGIN IMMEDIATE, END") << SqlDialect::SQLite
        << u"BEGIN IMMEDIATE TRANSACTION;\nEND TRANSACTION;\n"_s
        << QStringList{u"1: BEGIN"_s, u"2: END"_s};
    QTest::newRow("sqlite: trigger body") << SqlDialect::SQLite
        << u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET id = 1;\nEND;\nCOMMIT;\n"_s
        << QStringList{u"4: COMMIT"_s};
    QTest::newRow("postgresql: its own words") << SqlDialect::PostgreSQL
        << u"START TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nEND;\nABORT;\n"
           "PREPARE TRANSACTION 'x';\nCOMMIT PREPARED 'x';\nBEGIN WORK;\n"_s
        << QStringList{u"1: START TRANSACTION"_s, u"2: END"_s, u"3: ABORT"_s,
                       u"4: PREPARE TRANSACTION"_s, u"5: COMMIT"_s, u"6: BEGIN"_s};
    QTest::newRow("postgresql: bodies and lookalikes") << SqlDialect::PostgreSQL
        << u"DO $$ BEGIN\n  PERFORM 1;\nEND $$;\n"
           "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$;\n"
           "CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC\n  SELECT 1;\nEND;\n"
           "PREPARE q AS SELECT 1;\nSET TRANSACTION ISOLATION LEVEL SERIALIZABLE;\n"_s
        << QStringList();
    QTest::newRow("mysql: its own words") << SqlDialect::MySQL
        << u"START TRANSACTION;\nBEGIN WORK;\nCOMMIT WORK AND NO CHAIN;\nXA START 'x';\n"
           "SET autocommit = 1;\nSET @@session.autocommit = 0;\nSET SESSION autocommit=1;\n"
           "/*!40101 SET autocommit=0 */;\n# note\nROLLBACK WORK;\n"_s
        << QStringList{u"1: START TRANSACTION"_s, u"2: BEGIN"_s, u"3: COMMIT"_s, u"4: XA"_s,
                       u"5: SET autocommit"_s, u"6: SET autocommit"_s, u"7: SET autocommit"_s,
                       u"8: SET autocommit"_s, u"10: ROLLBACK"_s};
    QTest::newRow("mysql: bodies and lookalikes") << SqlDialect::MySQL
        << u"BEGIN NOT ATOMIC\n  INSERT INTO t VALUES (1);\nEND;\n"
           "DELIMITER //\nCREATE PROCEDURE p() BEGIN\n  COMMIT;\nEND//\nDELIMITER ;\n"
           "SET GLOBAL autocommit = 1;\nSET @autocommit = 1;\nSET sql_mode = '';\n"
           "SET TRANSACTION ISOLATION LEVEL READ COMMITTED;\nEND;\n"_s
        << QStringList();
}

void tst_Sql::transactionControl()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, script);
    QFETCH(QStringList, expected);
    const Result<StatementList> statements = StatementSplitter::split(script, dialect);
    QVERIFY2(statements, qPrintable(statements ? QString() : statements.error().toString()));
    QStringList found;
    for (const Statement &s : *statements) {
        const QString keyword = TransactionControl::keyword(s.text, dialect);
        if (!keyword.isEmpty())
            found << QString::number(s.line) + u": "_s + keyword;
    }
    QCOMPARE(found, expected);
}

QTEST_GUILESS_MAIN(tst_Sql)

void tst_Sql::parenthesized_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");
    QTest::newRow("one pair") << u"(a + b)"_s << true;
    QTest::newRow("nested") << u"((a) + (b))"_s << true;
    QTest::newRow("empty pair") << u"()"_s << true;
    QTest::newRow("two groups") << u"(a) + (b)"_s << false;
    QTest::newRow("no parens") << u"a + b"_s << false;
    QTest::newRow("open only") << u"(a"_s << false;
    QTest::newRow("single char") << u"("_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("paren in single quotes") << u"('a)' || (b))"_s << true;
    QTest::newRow("closing paren quoted early") << u"(')') + (b)"_s << false;
    QTest::newRow("double quotes") << u"(\"x)\" = 1)"_s << true;
    QTest::newRow("backticks") << u"(`x)` = 1)"_s << true;
    QTest::newRow("unbalanced") << u"(a))"_s << false;
}

void tst_Sql::parenthesized()
{
    QFETCH(QString, text);
    QFETCH(bool, expected);
    QCOMPARE(isParenthesized(text), expected);
}

#include "tst_sql.moc"

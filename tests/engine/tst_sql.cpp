#include <engine/sql/statementsplitter.h>

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
    void sqliteOracleAgrees_data() { split_data(); }
    void sqliteOracleAgrees();
    void sqliteOracleFindsSameErrors_data() { splitReportsErrors_data(); }
    void sqliteOracleFindsSameErrors();
    void pgQueryOracleAgrees_data() { split_data(); }
    void pgQueryOracleAgrees();
    void pgQueryOracleFindsSameErrors_data() { splitReportsErrors_data(); }
    void pgQueryOracleFindsSameErrors();
    void textIsASliceOfTheInput_data() { split_data(); }
    void textIsASliceOfTheInput();

private:
    // Rows: "oracle" is false where the row uses Retort's own markers or MySQL client syntax,
    // which the oracles cannot know.
    static void row(const char *name, SqlDialect d, const QString &sql, const QStringList &expected,
                    bool oracle = true, int firstLine = 1);
    static void commonRows(SqlDialect d);
    static void sqliteRows();
    static void postgresRows();
    static void mysqlRows();
    static void errorRow(const char *name, SqlDialect d, const QString &sql, int line,
                         const QString &messagePart, bool oracle = true, int firstLine = 1);
};

void tst_Sql::row(const char *name, SqlDialect d, const QString &sql, const QStringList &expected,
                  bool oracle, int firstLine)
{
    QTest::addRow("%s: %s", qPrintable(tag(d)), name) << d << sql << firstLine << expected << oracle;
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

void tst_Sql::errorRow(const char *name, SqlDialect d, const QString &sql, int line,
                       const QString &messagePart, bool oracle, int firstLine)
{
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
    QSKIP("libsqlite3 not found at configure time");
#else
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(bool, oracle);
    if (dialect != SqlDialect::SQLite || !oracle)
        QSKIP("row not for this oracle");
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
    QSKIP("libsqlite3 not found at configure time");
#else
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(bool, oracle);
    if (dialect != SqlDialect::SQLite || !oracle)
        QSKIP("row not for this oracle");
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
    QSKIP("libpg_query not found at configure time");
#else
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(bool, oracle);
    if (dialect != SqlDialect::PostgreSQL || !oracle)
        QSKIP("row not for this oracle");
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
    QSKIP("libpg_query not found at configure time");
#else
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, sql);
    QFETCH(bool, oracle);
    if (dialect != SqlDialect::PostgreSQL || !oracle)
        QSKIP("row not for this oracle");
    QVERIFY(!pgQuerySplit(sql.toUtf8()));
#endif
}

QTEST_GUILESS_MAIN(tst_Sql)

#include "tst_sql.moc"

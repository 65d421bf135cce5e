// Real databases: apply `before`, render diff(before, after), run it statement by statement,
// introspect and expect no difference from `after`; then the downgrade and `before`. Rows in
// untouched columns must survive both ways.
#include "roundtripcases.h"

#include "../engine/rendercases.h"

#include "../common/testdatabases.h"

#include <engine/db/connection.h>
#include <engine/dialect/mysql/mysqlintrospector.h>
#include <engine/dialect/postgres/postgresintrospector.h>
#include <engine/dialect/sqlite/sqliteintrospector.h>
#include <engine/dialect/sqlrenderer.h>
#include <engine/diff/differ.h>
#include <engine/sql/statementsplitter.h>
#include <engine/sql/transactioncontrol.h>

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;

Q_DECLARE_METATYPE(Retort::SqlDialect)

namespace {

const QString scratch = u"retort_render_rt"_s;

// One database to run the cases in, emptied before each.
class Target
{
public:
    Target(SqlDialect dialect, const QString &url) : m_dialect(dialect), m_url(url) {}

    Result<void> reset()
    {
        m_connection.reset();
        if (m_dialect == SqlDialect::SQLite) {
            QFile::remove(m_dir.filePath(u"rt.db"_s));
            return open(u"sqlite:///"_s + m_dir.filePath(u"rt.db"_s));
        }
        if (Result<void> r = open(m_url); !r)
            return r;
        const QStringList sql = m_dialect == SqlDialect::PostgreSQL
            ? QStringList{u"DROP SCHEMA IF EXISTS %1 CASCADE"_s.arg(scratch),
                          u"CREATE SCHEMA %1"_s.arg(scratch), u"SET search_path TO %1"_s.arg(scratch)}
            : QStringList{u"DROP DATABASE IF EXISTS %1"_s.arg(scratch),
                          u"CREATE DATABASE %1 CHARACTER SET utf8mb4"_s.arg(scratch),
                          u"USE %1"_s.arg(scratch)};
        for (const QString &s : sql) {
            if (Result<void> r = m_connection->exec(s); !r)
                return r;
        }
        return {};
    }

    Result<void> run(const QString &script)
    {
        const Result<StatementList> statements = StatementSplitter::split(script, m_dialect);
        if (!statements)
            return statements.error();
        for (const Statement &s : *statements) {
            if (Result<void> r = m_connection->exec(s.text); !r)
                return r;
        }
        return {};
    }

    Result<void> exec(const QString &sql) { return m_connection->exec(sql); }

    Result<Schema::Database> introspect()
    {
        switch (m_dialect) {
        case SqlDialect::SQLite:
            return SqliteIntrospector::introspect(m_connection->database());
        case SqlDialect::PostgreSQL: {
            IntrospectOptions options;
            options.schema = scratch;
            return PostgresIntrospector::introspect(*m_connection, options);
        }
        case SqlDialect::MySQL: {
            IntrospectOptions options;
            options.schema = scratch;
            return MysqlIntrospector::introspect(*m_connection, options);
        }
        }
        return Error(Error::Kind::Internal, u"unknown dialect"_s);
    }

    // MariaDB's own text of every table (SHOW CREATE TABLE, less the AUTO_INCREMENT counter):
    // it shows what introspection leaves out, such as the name of a foreign key's index.
    // Empty on the other engines.
    Result<QStringList> definitions()
    {
        if (m_dialect != SqlDialect::MySQL)
            return QStringList();
        const auto tables = m_connection->select(
            u"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
            "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"_s);
        if (!tables)
            return tables.error();
        QStringList out;
        static const QRegularExpression counter(u" AUTO_INCREMENT=\\d+"_s);
        for (const QVariantList &t : *tables) {
            const auto create = m_connection->select(u"SHOW CREATE TABLE `"_s + t.at(0).toString() + u'`');
            if (!create)
                return create.error();
            out << create->value(0).value(1).toString().remove(counter);
        }
        return out;
    }

    Result<QStringList> probe(const QString &sql)
    {
        if (sql.isEmpty())
            return QStringList();
        const Result<QList<QVariantList>> rows = m_connection->select(sql);
        if (!rows)
            return rows.error();
        QStringList out;
        for (const QVariantList &row : *rows) {
            QStringList cells;
            for (const QVariant &v : row)
                cells << (v.isNull() ? u"NULL"_s : v.toString());
            out << cells.join(u'|');
        }
        return out;
    }

private:
    Result<void> open(const QString &url)
    {
        const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
        if (!parsed)
            return parsed.error();
        Result<std::unique_ptr<Connection>> c = Connection::open(*parsed);
        if (!c)
            return c.error();
        m_connection = std::move(*c);
        return {};
    }

    SqlDialect m_dialect;
    QString m_url;
    QTemporaryDir m_dir;
    std::unique_ptr<Connection> m_connection;
};

QString describe(const Ops::DiffResult &d)
{
    return d.describe().join(u"; "_s);
}

#define CHECK_OK(expr) \
    do { \
        const auto &_r = (expr); \
        QVERIFY2(_r, qPrintable(_r ? QString() : _r.error().toString() + u" | "_s + _r.error().sql)); \
    } while (0)

} // namespace

class tst_RoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void sqlite_data() { addRows(SqlDialect::SQLite); }
    void sqlite() { runCase(SqlDialect::SQLite, {}); }
    void postgres_data() { addRows(SqlDialect::PostgreSQL); }
    void postgres();
    void mysql_data() { addRows(SqlDialect::MySQL); }
    void mysql();
    void portableTableIsLargeEnough();
    // The golden-file cases of tst_renderers (built as models) run on the real engine too:
    // create the `before` schema, run the upgrade, then the downgrade.
    void renderCasesRun_data();
    void renderCasesRun();
    // `--rename t.a=label`: the values move with the column, both ways.
    void renamedColumnKeepsRows_data();
    void renamedColumnKeepsRows();
    // A rebuild of a referenced table asks the runner for foreign keys off
    // ("-- migrate:foreign-keys-off") and carries no transaction control of its own, so it runs
    // inside the revision's one transaction.
    void referencedRebuildRunsInOneTransaction();

private:
    void addRows(SqlDialect dialect);
    void runCase(SqlDialect dialect, const QString &url);
    void runStatements(Target &target, const RenderedStatementList &statements);
};

void tst_RoundTrip::addRows(SqlDialect dialect)
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("probe");
    for (const RoundTrip::Case &c : RoundTrip::cases(dialect))
        QTest::newRow(qPrintable(c.name)) << c.name << c.before << c.after << c.seed << c.probe;
}

void tst_RoundTrip::postgres()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::PostgreSQL, url);
    runCase(SqlDialect::PostgreSQL, url);
}

void tst_RoundTrip::mysql()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    runCase(SqlDialect::MySQL, url);
}

void tst_RoundTrip::runStatements(Target &target, const RenderedStatementList &statements)
{
    // As the runner runs a "-- migrate:foreign-keys-off" revision: SQLite's foreign keys off
    // before one transaction, checked before its commit, back on after.
    const bool foreignKeysOff = RenderedMigration::needsForeignKeysOff(statements);
    if (foreignKeysOff) {
        CHECK_OK(target.exec(u"PRAGMA foreign_keys=OFF"_s));
        CHECK_OK(target.exec(u"BEGIN"_s));
    }
    for (const RenderedStatement &s : statements)
        CHECK_OK(target.exec(s.sql));
    if (foreignKeysOff) {
        const Result<QStringList> broken = target.probe(u"PRAGMA foreign_key_check"_s);
        CHECK_OK(broken);
        QCOMPARE(*broken, QStringList());
        CHECK_OK(target.exec(u"COMMIT"_s));
        CHECK_OK(target.exec(u"PRAGMA foreign_keys=ON"_s));
    }
}

void tst_RoundTrip::runCase(SqlDialect dialect, const QString &url)
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, seed);
    QFETCH(QString, probe);
    Target target(dialect, url);
    CHECK_OK(target.reset());
    CHECK_OK(target.run(after));
    const Result<Schema::Database> afterModel = target.introspect();
    CHECK_OK(afterModel);
    const Result<QStringList> afterDefinitions = target.definitions();
    CHECK_OK(afterDefinitions);
    CHECK_OK(target.reset());
    CHECK_OK(target.run(before));
    const Result<Schema::Database> beforeModel = target.introspect();
    CHECK_OK(beforeModel);
    CHECK_OK(target.run(seed));
    const Result<QStringList> rows = target.probe(probe);
    CHECK_OK(rows);

    const Ops::DiffResult diff = Ops::Differ::diff(*beforeModel, *afterModel);
    QVERIFY2(!diff.isEmpty(), "before and after introspect the same: the case tests nothing");
    const Result<RenderedMigration> m = SqlRenderer::create(dialect)->renderMigration(*beforeModel, diff.operations);
    CHECK_OK(m);

    runStatements(target, m->upgrade);
    if (QTest::currentTestFailed())
        return;
    const Result<Schema::Database> upgraded = target.introspect();
    CHECK_OK(upgraded);
    const Ops::DiffResult left = Ops::Differ::diff(*upgraded, *afterModel);
    QVERIFY2(left.isEmpty(), qPrintable(u"after upgrade: "_s + describe(left)));
    // Not only no difference the differ would act on: the migrated database reads exactly as
    // the models applied directly.
    QCOMPARE(QJsonDocument(upgraded->toJson()).toJson(), QJsonDocument(afterModel->toJson()).toJson());
    const Result<QStringList> upgradedDefinitions = target.definitions();
    CHECK_OK(upgradedDefinitions);
    QCOMPARE(*upgradedDefinitions, *afterDefinitions);
    const Result<QStringList> rowsUp = target.probe(probe);
    CHECK_OK(rowsUp);
    QCOMPARE(*rowsUp, *rows);

    runStatements(target, m->downgrade);
    if (QTest::currentTestFailed())
        return;
    const Result<Schema::Database> downgraded = target.introspect();
    CHECK_OK(downgraded);
    const Ops::DiffResult back = Ops::Differ::diff(*downgraded, *beforeModel);
    QVERIFY2(back.isEmpty(), qPrintable(u"after downgrade: "_s + describe(back)));
    const Result<QStringList> rowsDown = target.probe(probe);
    CHECK_OK(rowsDown);
    QCOMPARE(*rowsDown, *rows);
    if (dialect == SqlDialect::SQLite) {
        const Result<QStringList> fk = target.probe(u"PRAGMA foreign_keys"_s);
        CHECK_OK(fk);
        QCOMPARE(*fk, QStringList{u"1"_s}); // back on after a rebuild
    }
}

void tst_RoundTrip::portableTableIsLargeEnough()
{
    for (SqlDialect d : {SqlDialect::SQLite, SqlDialect::PostgreSQL, SqlDialect::MySQL})
        QVERIFY2(RoundTrip::cases(d).size() >= 40, qPrintable(dialectName(d)));
}

void tst_RoundTrip::renderCasesRun_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("name");
    const QMap<QString, RenderCases::Builder> cases = RenderCases::all();
    for (SqlDialect d : {SqlDialect::SQLite, SqlDialect::PostgreSQL, SqlDialect::MySQL}) {
        for (auto it = cases.cbegin(); it != cases.cend(); ++it) {
            // MariaDB has no functional indexes; the rendered SQL is MySQL 8's.
            if (d == SqlDialect::MySQL && it.key() == u"create_index"_s)
                continue;
            if (it.value()(d))
                QTest::newRow(qPrintable(dialectName(d) + u'/' + it.key())) << d << it.key();
        }
    }
}

void tst_RoundTrip::renderCasesRun()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, name);
    QString url;
    if (dialect != SqlDialect::SQLite)
        RETORT_REQUIRE_SERVER(dialect, url);
    const std::optional<RenderCases::Case> c = RenderCases::all().value(name)(dialect);
    QVERIFY(c);
    Schema::Database empty;
    empty.dialect = dialect;
    const auto renderer = SqlRenderer::create(dialect);
    const Result<RenderedStatementList> create =
        renderer->render(empty, Ops::Differ::diff(empty, c->before).operations);
    CHECK_OK(create);
    const Result<RenderedMigration> m = renderer->renderMigration(c->before, c->ops);
    CHECK_OK(m);
    Target target(dialect, url);
    CHECK_OK(target.reset());
    runStatements(target, *create);
    if (QTest::currentTestFailed())
        return;
    runStatements(target, m->upgrade);
    if (QTest::currentTestFailed())
        return;
    runStatements(target, m->downgrade);
    if (QTest::currentTestFailed())
        return;
}

void tst_RoundTrip::renamedColumnKeepsRows_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("sqlite") << SqlDialect::SQLite;
    QTest::newRow("postgresql") << SqlDialect::PostgreSQL;
    QTest::newRow("mysql") << SqlDialect::MySQL;
}

void tst_RoundTrip::renamedColumnKeepsRows()
{
    QFETCH(SqlDialect, dialect);
    QString url;
    if (dialect != SqlDialect::SQLite)
        RETORT_REQUIRE_SERVER(dialect, url);
    Target target(dialect, url);
    CHECK_OK(target.reset());
    CHECK_OK(target.run(u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(20) NOT NULL, b INTEGER);"_s));
    const Result<Schema::Database> afterModel = target.introspect();
    CHECK_OK(afterModel);
    CHECK_OK(target.reset());
    CHECK_OK(target.run(u"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, a VARCHAR(20), b INTEGER);"
                        "INSERT INTO t (id, a, b) VALUES (1, 'one', 10), (2, 'two', 20);"_s));
    const Result<Schema::Database> beforeModel = target.introspect();
    CHECK_OK(beforeModel);
    Ops::DiffOptions options;
    options.renames = {Ops::ColumnRename{u"t"_s, u"a"_s, u"label"_s}};
    const Ops::DiffResult diff = Ops::Differ::diff(*beforeModel, *afterModel, options);
    QVERIFY(std::holds_alternative<Ops::RenameColumn>(diff.operations.value(0)));
    const Result<RenderedMigration> m = SqlRenderer::create(dialect)->renderMigration(*beforeModel, diff.operations);
    CHECK_OK(m);
    runStatements(target, m->upgrade);
    if (QTest::currentTestFailed())
        return;
    const Result<QStringList> up = target.probe(u"SELECT id, label FROM t ORDER BY id"_s);
    CHECK_OK(up);
    QCOMPARE(*up, (QStringList{u"1|one"_s, u"2|two"_s}));
    const Result<Schema::Database> upgraded = target.introspect();
    CHECK_OK(upgraded);
    QVERIFY2(Ops::Differ::diff(*upgraded, *afterModel).isEmpty(), "upgrade differs from the models");
    runStatements(target, m->downgrade);
    if (QTest::currentTestFailed())
        return;
    const Result<QStringList> down = target.probe(u"SELECT id, a FROM t ORDER BY id"_s);
    CHECK_OK(down);
    QCOMPARE(*down, (QStringList{u"1|one"_s, u"2|two"_s}));
}

void tst_RoundTrip::referencedRebuildRunsInOneTransaction()
{
    Target target(SqlDialect::SQLite, {});
    CHECK_OK(target.reset());
    CHECK_OK(target.run(u"CREATE TABLE p (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(20));"
                        "CREATE TABLE c (id INTEGER NOT NULL PRIMARY KEY, p_id INTEGER REFERENCES p (id) ON DELETE CASCADE);"
                        "INSERT INTO p VALUES (1, 'a'); INSERT INTO c VALUES (10, 1);"_s));
    const Result<Schema::Database> before = target.introspect();
    CHECK_OK(before);
    Schema::Database after = *before;
    after.table(u"p"_s)->columns[1].nullable = false;
    const Ops::DiffResult diff = Ops::Differ::diff(*before, after);
    const Result<RenderedStatementList> statements = SqlRenderer::create(SqlDialect::SQLite)->render(*before, diff.operations);
    CHECK_OK(statements);
    QVERIFY(RenderedMigration::needsForeignKeysOff(*statements));
    QVERIFY(!RenderedMigration::needsNoTransaction(*statements));
    for (const RenderedStatement &s : *statements) {
        QVERIFY2(TransactionControl::keyword(s.sql, SqlDialect::SQLite).isEmpty(), qPrintable(s.sql));
        QVERIFY2(!s.sql.startsWith(u"PRAGMA foreign_keys"_s), qPrintable(s.sql));
    }
    runStatements(target, *statements);
    if (QTest::currentTestFailed())
        return;
    const Result<QStringList> rows = target.probe(u"SELECT id FROM c"_s);
    CHECK_OK(rows);
    QCOMPARE(*rows, QStringList{u"10"_s}); // DROP TABLE p cascaded to nothing
}

QTEST_GUILESS_MAIN(tst_RoundTrip)
#include "tst_roundtrip.moc"

#include "rendercases.h"

#include <engine/dialect/sqlrenderer.h>
#include <engine/dialect/sqlwriter.h>

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;

Q_DECLARE_METATYPE(Retort::SqlDialect)

namespace {

const QList<SqlDialect> dialects{SqlDialect::SQLite, SqlDialect::PostgreSQL, SqlDialect::MySQL};

QString formatStatements(const RenderedStatementList &statements)
{
    QString out;
    for (const RenderedStatement &s : statements) {
        out += u"-- op "_s + QString::number(s.operationIndex);
        if (s.operationCount > 1)
            out += u".."_s + QString::number(s.operationIndex + s.operationCount - 1);
        if (s.outsideTransaction)
            out += u" (outside transaction)"_s;
        if (s.foreignKeysOff)
            out += u" (foreign keys off)"_s;
        out += u'\n';
        if (!s.note.isEmpty())
            out += u"-- note: "_s + s.note + u'\n';
        out += s.sql + u";\n\n"_s;
    }
    return out;
}

QString format(const RenderedMigration &m)
{
    return u"-- upgrade\n\n"_s + formatStatements(m.upgrade) + u"-- downgrade\n\n"_s
           + formatStatements(m.downgrade);
}

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

void writeActual(const QString &dialect, const QString &name, const QString &text)
{
    const QString dir = QDir::currentPath() + u"/render-actual/"_s + dialect;
    QDir().mkpath(dir);
    QFile f(dir + u'/' + name + u".sql"_s);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(text.toUtf8());
}

} // namespace

class tst_Renderers : public QObject
{
    Q_OBJECT

private slots:
    void goldens_data();
    void goldens();
    void everyOperationHasStatements_data() { goldens_data(); }
    void everyOperationHasStatements();
    void identifierQuoting_data();
    void identifierQuoting();
    void enumOperationsFailOutsidePostgres_data();
    void enumOperationsFailOutsidePostgres();
    void mariaDbAndMysqlDropChecksDiffer();
    void noTransactionFlag_data();
    void noTransactionFlag();
    void rawTypeOnlyOnItsOwnEngine_data();
    void rawTypeOnlyOnItsOwnEngine();
};

void tst_Renderers::goldens_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("name");
    const QMap<QString, RenderCases::Builder> cases = RenderCases::all();
    for (SqlDialect d : dialects) {
        for (auto it = cases.cbegin(); it != cases.cend(); ++it) {
            if (it.value()(d)) {
                const QString row = dialectName(d) + u'/' + it.key();
                QTest::newRow(qPrintable(row)) << d << it.key();
            }
        }
    }
}

void tst_Renderers::goldens()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, name);
    const std::optional<RenderCases::Case> c = RenderCases::all().value(name)(dialect);
    QVERIFY(c);
    const Result<RenderedMigration> m = SqlRenderer::create(dialect)->renderMigration(c->before, c->ops);
    QVERIFY2(m, qPrintable(m ? QString() : m.error().toString()));
    const QString actual = format(*m);
    const QString path = QStringLiteral(RETORT_TEST_DATA_DIR) + u"/render/"_s + dialectName(dialect)
                         + u'/' + name + u".sql"_s;
    const QString expected = readFile(path);
    if (actual != expected)
        writeActual(dialectName(dialect), name, actual);
    QVERIFY2(!expected.isEmpty(), qPrintable(u"missing golden file "_s + path));
    QCOMPARE(actual, expected);
}

void tst_Renderers::everyOperationHasStatements()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, name);
    const std::optional<RenderCases::Case> c = RenderCases::all().value(name)(dialect);
    const Result<RenderedMigration> m = SqlRenderer::create(dialect)->renderMigration(c->before, c->ops);
    QVERIFY(m);
    for (const RenderedStatementList *list : {&m->upgrade, &m->downgrade}) {
        for (int i = 0; i < c->ops.size(); ++i) {
            const bool served = std::any_of(list->begin(), list->end(),
                                            [i](const RenderedStatement &s) { return s.serves(i); });
            QVERIFY2(served, qPrintable(u"operation %1 has no statement"_s.arg(i)));
        }
        for (const RenderedStatement &s : *list) {
            QVERIFY(s.operationIndex >= 0 && s.operationIndex + s.operationCount <= c->ops.size());
            QVERIFY(!s.sql.trimmed().endsWith(u';'));
        }
    }
}

void tst_Renderers::identifierQuoting_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("expected");
    const SqlDialect lite = SqlDialect::SQLite, pg = SqlDialect::PostgreSQL, my = SqlDialect::MySQL;
    QTest::newRow("plain sqlite") << lite << u"users"_s << u"users"_s;
    QTest::newRow("plain mysql") << my << u"user_id"_s << u"user_id"_s;
    QTest::newRow("reserved order sqlite") << lite << u"order"_s << u"\"order\""_s;
    QTest::newRow("reserved group pg") << pg << u"group"_s << u"\"group\""_s;
    QTest::newRow("reserved user pg") << pg << u"user"_s << u"\"user\""_s;
    QTest::newRow("reserved order mysql") << my << u"order"_s << u"`order`"_s;
    QTest::newRow("reserved key mysql") << my << u"key"_s << u"`key`"_s;
    QTest::newRow("user not reserved in sqlite") << lite << u"user"_s << u"user"_s;
    QTest::newRow("mixed case pg") << pg << u"userId"_s << u"\"userId\""_s;
    QTest::newRow("upper case mysql") << my << u"ID"_s << u"`ID`"_s;
    QTest::newRow("space") << lite << u"first name"_s << u"\"first name\""_s;
    QTest::newRow("leading digit") << pg << u"1st"_s << u"\"1st\""_s;
    QTest::newRow("embedded double quote") << pg << u"a\"b"_s << u"\"a\"\"b\""_s;
    QTest::newRow("embedded backtick") << my << u"a`b"_s << u"`a``b`"_s;
    QTest::newRow("double quote in mysql") << my << u"a\"b"_s << u"`a\"b`"_s;
    QTest::newRow("empty") << lite << QString() << u"\"\""_s;
    QTest::newRow("unicode") << pg << u"größe"_s << u"\"größe\""_s;
}

void tst_Renderers::identifierQuoting()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, identifier);
    QFETCH(QString, expected);
    QCOMPARE(SqlWriter(dialect).name(identifier), expected);
}

void tst_Renderers::enumOperationsFailOutsidePostgres_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("sqlite") << SqlDialect::SQLite;
    QTest::newRow("mysql") << SqlDialect::MySQL;
}

void tst_Renderers::enumOperationsFailOutsidePostgres()
{
    QFETCH(SqlDialect, dialect);
    Schema::Database db;
    db.dialect = dialect;
    const Result<RenderedStatementList> r = SqlRenderer::create(dialect)->render(
        db, {Ops::CreateEnum{Schema::EnumType{u"mood"_s, {u"a"_s}}}});
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(u"not supported"_s), qPrintable(r.error().message));
}

void tst_Renderers::mariaDbAndMysqlDropChecksDiffer()
{
    Schema::Database db;
    db.dialect = SqlDialect::MySQL;
    Schema::Table t;
    t.name = u"t"_s;
    t.checkConstraints = {Schema::CheckConstraint{u"ck"_s, u"a > 0"_s}};
    db.tables = {t};
    const Ops::OperationList ops{Ops::DropCheckConstraint{u"t"_s, t.checkConstraints.first()}};
    const auto maria = SqlRenderer::create(SqlDialect::MySQL, MysqlFlavor::MariaDB)->render(db, ops);
    const auto mysql = SqlRenderer::create(SqlDialect::MySQL, MysqlFlavor::MySQL)->render(db, ops);
    QVERIFY(maria && mysql);
    QCOMPARE(maria->first().sql, u"ALTER TABLE t DROP CONSTRAINT ck"_s);
    QCOMPARE(mysql->first().sql, u"ALTER TABLE t DROP CHECK ck"_s);
}

void tst_Renderers::noTransactionFlag_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("upgradeOutside");
    QTest::addColumn<bool>("foreignKeysOff");
    // A rebuild of a referenced table runs in the revision's transaction, foreign keys off.
    QTest::newRow("sqlite rebuild of a referenced table")
        << SqlDialect::SQLite << u"alter_referenced_parent"_s << false << true;
    QTest::newRow("sqlite rebuild of an unreferenced table")
        << SqlDialect::SQLite << u"multi_change"_s << false << false;
    QTest::newRow("sqlite plain alter") << SqlDialect::SQLite << u"add_column"_s << false << false;
    QTest::newRow("pg add enum value") << SqlDialect::PostgreSQL << u"enum_add_value"_s << true << false;
    QTest::newRow("pg drop enum value") << SqlDialect::PostgreSQL << u"enum_drop_value"_s << false << false;
    QTest::newRow("mysql alter") << SqlDialect::MySQL << u"alter_referenced_parent"_s << false << false;
}

void tst_Renderers::noTransactionFlag()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, name);
    QFETCH(bool, upgradeOutside);
    QFETCH(bool, foreignKeysOff);
    const std::optional<RenderCases::Case> c = RenderCases::all().value(name)(dialect);
    const Result<RenderedMigration> m = SqlRenderer::create(dialect)->renderMigration(c->before, c->ops);
    QVERIFY(m);
    QCOMPARE(RenderedMigration::needsNoTransaction(m->upgrade), upgradeOutside);
    QCOMPARE(RenderedMigration::needsForeignKeysOff(m->upgrade), foreignKeysOff);
    QCOMPARE(RenderedMigration::needsForeignKeysOff(m->downgrade), foreignKeysOff);
}

void tst_Renderers::rawTypeOnlyOnItsOwnEngine_data()
{
    QTest::addColumn<SqlDialect>("modelDialect");
    QTest::addColumn<SqlDialect>("renderer");
    QTest::addColumn<QString>("expected");
    QTest::newRow("pg model, pg") << SqlDialect::PostgreSQL << SqlDialect::PostgreSQL
                                  << u"ALTER TABLE t ADD COLUMN c character varying(20)"_s;
    QTest::newRow("mysql model, pg") << SqlDialect::MySQL << SqlDialect::PostgreSQL
                                     << u"ALTER TABLE t ADD COLUMN c VARCHAR(20)"_s;
    QTest::newRow("pg model, sqlite") << SqlDialect::PostgreSQL << SqlDialect::SQLite
                                      << u"ALTER TABLE t ADD COLUMN c VARCHAR(20)"_s;
    QTest::newRow("pg model, mysql") << SqlDialect::PostgreSQL << SqlDialect::MySQL
                                     << u"ALTER TABLE t ADD COLUMN c VARCHAR(20) NULL"_s;
}

void tst_Renderers::rawTypeOnlyOnItsOwnEngine()
{
    QFETCH(SqlDialect, modelDialect);
    QFETCH(SqlDialect, renderer);
    QFETCH(QString, expected);
    Schema::Database db;
    db.dialect = modelDialect;
    Schema::Table t;
    t.name = u"t"_s;
    db.tables = {t};
    Schema::Column c;
    c.name = u"c"_s;
    c.type = Schema::ColumnType{u"character varying(20)"_s, u"VARCHAR(20)"_s};
    const auto r = SqlRenderer::create(renderer)->render(db, {Ops::AddColumn{u"t"_s, c}});
    QVERIFY(r);
    QCOMPARE(r->size(), 1);
    QCOMPARE(r->first().sql, expected);
}

QTEST_GUILESS_MAIN(tst_Renderers)
#include "tst_renderers.moc"

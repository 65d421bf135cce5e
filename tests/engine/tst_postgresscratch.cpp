#include "pgtestschemas.h"

#include <engine/db/connection.h>
#include <engine/dialect/postgres/postgresintrospector.h>
#include <engine/dialect/postgres/postgresscratch.h>
#include <engine/diff/differ.h>
#include <engine/sql/statementsplitter.h>

#include <QElapsedTimer>
#include <QTest>

using namespace Retort;
using namespace RetortTest;
using namespace Qt::Literals::StringLiterals;

// PostgresScratch: the models applied in a scratch schema on the real server, read, rolled back.
class tst_PostgresScratch : public QObject
{
    Q_OBJECT
private slots:
    void scratchIntrospectsModelsAndLeavesNothing();
    void scratchFailureNamesFileAndLineAndLeavesNothing();
    void scratchIgnoresTransactionControl();
    void scratchRunsModelsInsideTheScratchSchema();
    void scratchScriptSplitErrorNamesFile();
    void scratchSeesTargetSchemaTypes();
    void scratchHandlesFiveHundredTableModels();
};

static StatementList splitPg(const QString &sql)
{
    const Result<StatementList> statements = StatementSplitter::split(sql, SqlDialect::PostgreSQL);
    return statements ? *statements : StatementList();
}

static QList<PostgresScratch::Script> scriptsOf(const QString &file, const QString &sql)
{
    return {PostgresScratch::Script{file, splitPg(sql)}};
}

static int scratchSchemaCount(Connection &c)
{
    const auto rows = c.select(u"SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'retort\\_scratch\\_%'"_s);
    return rows ? rows->first().first().toInt() : -1;
}

void tst_PostgresScratch::scratchIntrospectsModelsAndLeavesNothing()
{
    OPEN_PG(pg);
    const QString ddl = readPgData(u"rich.sql"_s);
    const auto direct = introspectFresh(pg, ddl);
    VERIFY_RESULT(direct);
    Connection &c = pg.connection();
    const auto pathBefore = c.select(u"SELECT current_setting('search_path')"_s);
    VERIFY_RESULT(pathBefore);

    const QString scratch = PostgresScratch::uniqueSchemaName();
    QVERIFY(scratch.startsWith(u"retort_scratch_"_s));
    QCOMPARE(scratch.size(), 15 + 12);
    const auto models = PostgresScratch::introspectModels(c, scriptsOf(u"schema.sql"_s, ddl),
                                                          IntrospectOptions(), scratch);
    VERIFY_RESULT(models);
    QCOMPARE(models->schemaName, QString());
    QCOMPARE(jsonText(*models), jsonText(*direct));
    QVERIFY(Ops::Differ::diff(*direct, *models).isEmpty());
    QVERIFY(!pg.schemaExists(scratch));

    // Seen from another session too, and with the generated name.
    PgTestSchemas other;
    QCOMPARE(other.open(pgUrl_), QString());
    QVERIFY(!other.schemaExists(scratch));
    const auto again = PostgresScratch::introspectModels(c, scriptsOf(u"schema.sql"_s, ddl),
                                                         IntrospectOptions());
    VERIFY_RESULT(again);
    QCOMPARE(scratchSchemaCount(other.connection()), 0);
    QCOMPARE(scratchSchemaCount(c), 0);
    const auto pathAfter = c.select(u"SELECT current_setting('search_path')"_s);
    VERIFY_RESULT(pathAfter);
    QCOMPARE(pathAfter->first().first().toString(), pathBefore->first().first().toString());
}

void tst_PostgresScratch::scratchFailureNamesFileAndLineAndLeavesNothing()
{
    OPEN_PG(pg);
    Connection &c = pg.connection();
    const QList<PostgresScratch::Script> scripts{
        {u"models/a.sql"_s, splitPg(u"CREATE TABLE fine (id int PRIMARY KEY);\n"_s)},
        {u"models/b.sql"_s, splitPg(
             u"-- second file\nCREATE TABLE ok2 (id int);\n\nCREATE TABLE broken (\n  x int REFERENCES nowhere (id)\n);\n"_s)}};
    QCOMPARE(scripts.at(1).statements.at(1).line, 4);
    const QString scratch = PostgresScratch::uniqueSchemaName();
    const auto models = PostgresScratch::introspectModels(c, scripts, IntrospectOptions(), scratch);
    QVERIFY(!models);
    QCOMPARE(models.error().file, u"models/b.sql"_s);
    QCOMPARE(models.error().line, 4);
    QVERIFY2(models.error().message.contains(u"nowhere"_s), qPrintable(models.error().message));
    QVERIFY2(models.error().toString().startsWith(u"models/b.sql:4: "_s), qPrintable(models.error().toString()));
    QVERIFY(!pg.schemaExists(scratch));
    QCOMPARE(scratchSchemaCount(c), 0);
    // The session is usable again: no aborted transaction left open, a new scratch works.
    const auto one = c.select(u"SELECT 1"_s);
    VERIFY_RESULT(one);
    const auto retry = PostgresScratch::introspectModels(c, scripts.mid(0, 1), IntrospectOptions());
    VERIFY_RESULT(retry);
    QCOMPARE(retry->tables.size(), 1);
    QCOMPARE(retry->tables.first().name, u"fine"_s);
}

void tst_PostgresScratch::scratchIgnoresTransactionControl()
{
    OPEN_PG(pg);
    Connection &c = pg.connection();
    const QString scratch = PostgresScratch::uniqueSchemaName();
    const auto models = PostgresScratch::introspectModels(
        c, scriptsOf(u"dump.sql"_s, u"BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\nSTART TRANSACTION;\nEND;"_s),
        IntrospectOptions(), scratch);
    VERIFY_RESULT(models);
    QCOMPARE(models->tables.size(), 1);
    QVERIFY(!pg.schemaExists(scratch));
}
void tst_PostgresScratch::scratchRunsModelsInsideTheScratchSchema()
{
    OPEN_PG(pg);
    Connection &c = pg.connection();
    // A DO block (dollar-quoted, with inner ';') that names a table after current_schema().
    const auto script = PostgresScratch::script(u"schema.sql"_s, uR"(
        CREATE TABLE plain (id int);
        DO $body$
        BEGIN
            EXECUTE format('CREATE TABLE %I (x int)', 'in_' || current_schema());
        END
        $body$;
        CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS $$ SELECT 42; $$;
        CREATE TABLE uses_fn (a int DEFAULT answer());)"_s);
    VERIFY_RESULT(script);
    QCOMPARE(script->statements.size(), 4);
    const QString scratch = PostgresScratch::uniqueSchemaName();
    const auto models = PostgresScratch::introspectModels(c, {*script}, IntrospectOptions(), scratch);
    VERIFY_RESULT(models);
    QVERIFY(models->table(u"in_"_s + scratch));
    QCOMPARE(*models->table(u"uses_fn"_s)->columns.first().defaultExpression, u"answer()"_s);
    QVERIFY(!pg.schemaExists(scratch));
    const auto leftover = c.select(u"SELECT count(*) FROM pg_proc WHERE proname = 'answer'"_s);
    VERIFY_RESULT(leftover);
    QCOMPARE(leftover->first().first().toInt(), 0);
}

void tst_PostgresScratch::scratchScriptSplitErrorNamesFile()
{
    const auto script = PostgresScratch::script(u"models/bad.sql"_s, u"CREATE TABLE a (id int);\nSELECT 'open"_s);
    QVERIFY(!script);
    QCOMPARE(script.error().file, u"models/bad.sql"_s);
    QCOMPARE(script.error().line, 2);
}

void tst_PostgresScratch::scratchSeesTargetSchemaTypes()
{
    OPEN_PG(pg);
    // A domain in the target schema stands for an extension's type (citext and friends).
    QString target;
    const auto current = introspectFresh(pg, uR"(
        CREATE DOMAIN email_text AS text CHECK (VALUE LIKE '%@%');
        CREATE TABLE users (id int PRIMARY KEY, email email_text NOT NULL);)"_s, &target);
    VERIFY_RESULT(current);
    QCOMPARE(current->table(u"users"_s)->column(u"email"_s)->type.raw, u"email_text"_s);
    const auto script = PostgresScratch::script(
        u"schema.sql"_s, u"CREATE TABLE users (id int PRIMARY KEY, email email_text NOT NULL);"_s);
    VERIFY_RESULT(script);
    const QString scratch = PostgresScratch::uniqueSchemaName();
    const auto models = PostgresScratch::introspectModels(pg.connection(), {*script}, IntrospectOptions(), scratch);
    VERIFY_RESULT(models);
    QCOMPARE(models->table(u"users"_s)->column(u"email"_s)->type.raw, u"email_text"_s);
    const Ops::DiffResult diff = Ops::Differ::diff(*current, *models);
    QVERIFY2(diff.isEmpty(), qPrintable(diff.describe().join(u'\n')));
    QVERIFY(!pg.schemaExists(scratch));
    // The target schema was not touched: still one table.
    IntrospectOptions options;
    options.schema = target;
    const auto after = PostgresIntrospector::introspect(pg.connection(), options);
    VERIFY_RESULT(after);
    QCOMPARE(after->tables.size(), 1);
}

void tst_PostgresScratch::scratchHandlesFiveHundredTableModels()
{
    OPEN_PG(pg);
    const auto script = PostgresScratch::script(u"schema.sql"_s, benchmarkDdl(500));
    VERIFY_RESULT(script);
    QCOMPARE(script->statements.size(), 1000);
    const QString scratch = PostgresScratch::uniqueSchemaName();
    QElapsedTimer timer;
    timer.start();
    const auto models = PostgresScratch::introspectModels(pg.connection(), {*script}, IntrospectOptions(), scratch);
    const qint64 ms = timer.elapsed();
    VERIFY_RESULT(models);
    qInfo("PostgreSQL models of 500 tables (1000 statements) applied in a scratch schema, read and "
          "rolled back: %lld ms", ms);
    QCOMPARE(models->tables.size(), 500);
    QVERIFY(!pg.schemaExists(scratch));
}

QTEST_GUILESS_MAIN(tst_PostgresScratch)
#include "tst_postgresscratch.moc"

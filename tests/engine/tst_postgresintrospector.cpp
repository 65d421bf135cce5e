#include "pgtestschemas.h"

#include <engine/db/connection.h>
#include <engine/dialect/postgres/postgresintrospector.h>
#include <engine/dialect/postgres/postgreskeyreader.h>
#include <engine/dialect/postgres/postgrestypes.h>
#include <engine/dialect/typenormalizer.h>
#include <engine/diff/differ.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Retort;
using namespace RetortTest;
using namespace Qt::Literals::StringLiterals;

class tst_PostgresIntrospector : public QObject
{
    Q_OBJECT
private slots:
    // No server needed.
    void normalizesTypes_data();
    void normalizesTypes();
    void serialBaseTypes_data();
    void serialBaseTypes();
    void extractsCheckExpression_data();
    void extractsCheckExpression();
    void parsesNumberLists_data();
    void parsesNumberLists();

    // Real PostgreSQL.
    void richSchemaMatchesGolden();
    void sameDdlInTwoSchemasIntrospectsEqual();
    void defaultSchemaFollowsSearchPath();
    void restoresSearchPath();
    void missingSchemaIsAnError();
    void excludesVersionHistoryAndGlobs();
    void foreignKeyIntoAnotherSchema();
    void readsUserTriggersOnly();
    void serialAndIdentityHideTheirSequences();
    void diffCorpus_data();
    void diffCorpus();
    void introspectsFiveHundredTablesQuickly();
};

void tst_PostgresIntrospector::normalizesTypes_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");
    const QList<std::pair<const char *, const char *>> rows{
        {"integer", "INTEGER"}, {"int", "INTEGER"}, {"int4", "INTEGER"}, {"INT4", "INTEGER"},
        {"bigint", "BIGINT"}, {"int8", "BIGINT"}, {"smallint", "SMALLINT"}, {"int2", "SMALLINT"},
        {"serial", "INTEGER"}, {"bigserial", "BIGINT"}, {"smallserial", "SMALLINT"},
        {"character varying(20)", "VARCHAR(20)"}, {"varchar(20)", "VARCHAR(20)"},
        {"character varying", "VARCHAR"}, {"VARCHAR ( 20 )", "VARCHAR(20)"},
        {"character(3)", "CHAR(3)"}, {"char(3)", "CHAR(3)"}, {"character", "CHAR(1)"},
        {"char", "CHAR(1)"}, {"bpchar", "BPCHAR"},
        {"timestamp without time zone", "TIMESTAMP"}, {"timestamp", "TIMESTAMP"},
        {"timestamp(3) without time zone", "TIMESTAMP(3)"},
        {"timestamp with time zone", "TIMESTAMPTZ"}, {"timestamptz", "TIMESTAMPTZ"},
        {"timestamp(6) with time zone", "TIMESTAMPTZ(6)"}, {"timestamptz(6)", "TIMESTAMPTZ(6)"},
        {"time without time zone", "TIME"}, {"time with time zone", "TIMETZ"},
        {"date", "DATE"}, {"interval", "INTERVAL"}, {"interval day to second", "INTERVAL DAY TO SECOND"},
        {"interval year", "INTERVAL YEAR"},
        {"numeric(10,2)", "NUMERIC(10,2)"}, {"numeric(10, 2)", "NUMERIC(10,2)"},
        {"decimal(10,2)", "NUMERIC(10,2)"}, {"numeric", "NUMERIC"},
        {"double precision", "DOUBLE PRECISION"}, {"float8", "DOUBLE PRECISION"},
        {"float", "DOUBLE PRECISION"}, {"float(24)", "REAL"}, {"float(25)", "DOUBLE PRECISION"},
        {"real", "REAL"}, {"float4", "REAL"},
        {"boolean", "BOOLEAN"}, {"bool", "BOOLEAN"}, {"text", "TEXT"}, {"bytea", "BYTEA"},
        {"uuid", "UUID"}, {"json", "JSON"}, {"jsonb", "JSONB"}, {"inet", "INET"},
        {"bit(8)", "BIT(8)"}, {"bit", "BIT(1)"}, {"bit varying(5)", "VARBIT(5)"},
        {"integer[]", "INTEGER[]"}, {"int4[]", "INTEGER[]"}, {"integer[][]", "INTEGER[]"},
        {"integer[3]", "INTEGER[]"}, {"text ARRAY", "TEXT[]"},
        {"character varying(10)[]", "VARCHAR(10)[]"},
        {"timestamp with time zone[]", "TIMESTAMPTZ[]"},
        {"pg_catalog.int4", "INTEGER"}, {"_int4", "INTEGER[]"}, {"_varchar", "VARCHAR[]"},
        {"_mood", "_mood"}, {"tsrange", "TSRANGE"},
        {"mood", "mood"}, {"Mood", "Mood"}, {"\"Order Status\"", "\"Order Status\""},
        {"\"Order Status\"[]", "\"Order Status\"[]"}, {"public.mood", "public.mood"},
        {"\"text\"", "\"text\""}, {"citext", "citext"}, {"  integer  ", "INTEGER"}, {"", ""}};
    for (const auto &[raw, expected] : rows)
        QTest::newRow(raw) << QString::fromLatin1(raw) << QString::fromLatin1(expected);
}

void tst_PostgresIntrospector::normalizesTypes()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(PostgresTypes::normalize(raw), expected);
    QCOMPARE(TypeNormalizer(SqlDialect::PostgreSQL).normalize(raw), expected);
}

void tst_PostgresIntrospector::serialBaseTypes_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");
    QTest::newRow("serial") << u"serial"_s << u"INTEGER"_s;
    QTest::newRow("serial4") << u"SERIAL4"_s << u"INTEGER"_s;
    QTest::newRow("bigserial") << u"bigserial"_s << u"BIGINT"_s;
    QTest::newRow("serial8") << u"serial8"_s << u"BIGINT"_s;
    QTest::newRow("smallserial") << u"smallserial"_s << u"SMALLINT"_s;
    QTest::newRow("serial2") << u"serial2"_s << u"SMALLINT"_s;
    QTest::newRow("integer") << u"integer"_s << QString();
    QTest::newRow("serialx") << u"serialx"_s << QString();
}

void tst_PostgresIntrospector::serialBaseTypes()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(PostgresTypes::serialBaseType(raw), expected);
}

void tst_PostgresIntrospector::extractsCheckExpression_data()
{
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("expected");
    QTest::newRow("simple") << u"CHECK (price > 0::numeric)"_s << u"price > 0::numeric"_s;
    QTest::newRow("nested") << u"CHECK ((a > 0) AND (b < 2))"_s << u"(a > 0) AND (b < 2)"_s;
    QTest::newRow("not valid") << u"CHECK (a > 0) NOT VALID"_s << u"a > 0"_s;
    QTest::newRow("paren in string") << u"CHECK (name <> ')'::text)"_s << u"name <> ')'::text"_s;
    QTest::newRow("quoted column") << u"CHECK (\"a)b\" > 1)"_s << u"\"a)b\" > 1"_s;
}

void tst_PostgresIntrospector::extractsCheckExpression()
{
    QFETCH(QString, definition);
    QFETCH(QString, expected);
    QCOMPARE(PostgresKeyReader::checkExpression(definition), expected);
}

void tst_PostgresIntrospector::parsesNumberLists_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("int2[]") << u"{1,3,2}"_s << QList<qint64>{1, 3, 2};
    QTest::newRow("int2vector") << u"2 0 5"_s << QList<qint64>{2, 0, 5};
    QTest::newRow("oidvector") << u"950 0"_s << QList<qint64>{950, 0};
    QTest::newRow("empty array") << u"{}"_s << QList<qint64>{};
    QTest::newRow("null") << QString() << QList<qint64>{};
}

void tst_PostgresIntrospector::parsesNumberLists()
{
    QFETCH(QString, text);
    QFETCH(QList<qint64>, expected);
    QCOMPARE(PostgresKeyReader::numbers(text), expected);
}

static const Schema::Table *findTable(const Schema::Database &db, const char *name)
{
    return db.table(QString::fromUtf8(name));
}

void tst_PostgresIntrospector::richSchemaMatchesGolden()
{
    OPEN_PG(pg);
    QString schema;
    const auto db = introspectFresh(pg, readPgData(u"rich.sql"_s), &schema);
    VERIFY_RESULT(db);

    // Spot checks that do not depend on the golden file.
    QCOMPARE(db->dialect, SqlDialect::PostgreSQL);
    QStringList tableNames;
    for (const Schema::Table &t : db->tables)
        tableNames << t.name;
    QCOMPARE(tableNames, (QStringList{u"Line Items"_s, u"audit_log"_s, u"category"_s, u"order"_s, u"user"_s}));
    const Schema::Table *user = findTable(*db, "user");
    QVERIFY(user);
    QCOMPARE(user->column(u"id"_s)->identity, Schema::Identity::Serial);
    QVERIFY(!user->column(u"id"_s)->defaultExpression);
    QCOMPARE(user->column(u"id"_s)->type.normalized, u"INTEGER"_s);
    QCOMPARE(user->column(u"email"_s)->type.normalized, u"VARCHAR(200)"_s);
    QCOMPARE(user->column(u"email"_s)->comment, u"Login name, unique"_s);
    QCOMPARE(user->column(u"Display Name"_s)->collation, u"C"_s);
    QCOMPARE(user->column(u"last_seen"_s)->type.normalized, u"TIMESTAMPTZ(3)"_s);
    QCOMPARE(user->column(u"lucky_numbers"_s)->type.normalized, u"INTEGER[]"_s);
    QCOMPARE(user->column(u"current_mood"_s)->type.normalized, u"mood"_s);
    QCOMPARE(user->column(u"current_mood"_s)->defaultExpression.value_or(QString()), u"'ok'::mood"_s);
    QCOMPARE(user->comment, u"People who log in"_s);
    QCOMPARE(user->primaryKey.columns, QStringList{u"id"_s});
    QCOMPARE(user->uniqueConstraints.size(), 1);
    const Schema::Index *lowerEmail = user->index(u"user_lower_email_idx"_s);
    QVERIFY(lowerEmail && lowerEmail->unique && lowerEmail->columns.size() == 1);
    QVERIFY(lowerEmail->columns.first().isExpression());
    const Schema::Index *partial = user->index(u"user_active_created_idx"_s);
    QVERIFY(partial);
    QCOMPARE(partial->where, u"active"_s);
    QVERIFY(partial->columns.at(0).descending);
    QCOMPARE(user->index(u"user_name_c_idx"_s)->columns.first().collation, u"POSIX"_s);

    const Schema::Table *order = findTable(*db, "order");
    QVERIFY(order);
    QCOMPARE(order->column(u"id"_s)->identity, Schema::Identity::IdentityAlways);
    QCOMPARE(order->column(u"total"_s)->generated, Schema::Generated::Stored);
    QVERIFY(!order->column(u"total"_s)->defaultExpression);
    QCOMPARE(order->column(u"status"_s)->type.normalized, u"\"Order Status\""_s);
    QCOMPARE(order->column(u"invoice_no"_s)->identity, Schema::Identity::None);
    QVERIFY(order->column(u"invoice_no"_s)->defaultExpression->contains(u"invoice_numbers"_s));
    const Schema::ForeignKey *fk = order->foreignKey(u"order_user_fk"_s);
    QVERIFY(fk);
    QCOMPARE(fk->columns, QStringList{u"userId"_s});
    QCOMPARE(fk->referencedTable, u"user"_s);
    QCOMPARE(fk->referencedSchema, QString());
    QCOMPARE(fk->onDelete, Schema::ReferentialAction::Cascade);
    QCOMPARE(fk->onUpdate, Schema::ReferentialAction::Restrict);
    QVERIFY(fk->deferrable && fk->initiallyDeferred);
    QVERIFY(order->uniqueConstraint(u"order_invoice_unique"_s)->deferrable);
    QCOMPARE(order->checkConstraint(u"positive_quantity"_s)->expression, u"quantity > 0"_s);
    const Schema::Index *quantityDesc = order->index(u"order_quantity_desc_idx"_s);
    QVERIFY(quantityDesc && quantityDesc->columns.size() == 2);
    QVERIFY(quantityDesc->columns.at(0).descending && quantityDesc->columns.at(1).descending);
    QCOMPARE(quantityDesc->columns.at(1).name, u"unit_price"_s);
    QCOMPARE(findTable(*db, "category")->foreignKeys.first().referencedTable, u"category"_s);
    QCOMPARE(findTable(*db, "category")->column(u"id"_s)->identity, Schema::Identity::IdentityByDefault);
    QCOMPARE(findTable(*db, "audit_log")->index(u"audit_payload_gin"_s)->method, u"gin"_s);
    QCOMPARE(findTable(*db, "Line Items")->primaryKey.columns, (QStringList{u"order_id"_s, u"line"_s}));

    QCOMPARE(db->enums.size(), 2);
    QCOMPARE(db->enumType(u"Order Status"_s)->values,
             (QStringList{u"new"_s, u"paid"_s, u"shipped"_s, u"cancelled"_s}));
    QStringList sequenceNames;
    for (const Schema::Sequence &s : db->sequences)
        sequenceNames << s.name;
    QCOMPARE(sequenceNames, (QStringList{u"category_tickets"_s, u"countdown"_s, u"invoice_numbers"_s}));
    QCOMPARE(db->sequence(u"category_tickets"_s)->ownedBy, u"category.id"_s);
    QCOMPARE(db->sequence(u"invoice_numbers"_s)->start, 1000);
    QCOMPARE(db->sequence(u"invoice_numbers"_s)->increment, 10);
    QCOMPARE(db->sequence(u"invoice_numbers"_s)->maxValue, 0);
    QCOMPARE(db->sequence(u"countdown"_s)->maxValue, 100);
    QVERIFY(db->sequence(u"countdown"_s)->cycle);
    QCOMPARE(db->views.size(), 2);
    QVERIFY(db->view(u"Order Totals"_s));
    QVERIFY(!db->view(u"active_users"_s)->definition.contains(schema));

    // The whole model against the golden file.
    const QString goldenPath = QStringLiteral(RETORT_TEST_DATA_DIR) + u"/schema/postgres/rich.json"_s;
    const QByteArray actual = jsonText(*db);
    if (qEnvironmentVariableIsSet("RETORT_UPDATE_GOLDEN")) {
        QFile out(goldenPath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual);
        QSKIP("Golden file rewritten.");
    }
    QFile golden(goldenPath);
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(goldenPath));
    const QJsonDocument expected = QJsonDocument::fromJson(golden.readAll());
    QVERIFY(expected.isObject());
    if (QJsonDocument(db->toJson()) != expected) {
        QFile out(QDir::tempPath() + u"/pg_rich.actual.json"_s);
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            out.write(actual);
        QFAIL(qPrintable(u"Introspected model differs from %1; actual written to %2"_s.arg(
            goldenPath, out.fileName())));
    }
}

void tst_PostgresIntrospector::sameDdlInTwoSchemasIntrospectsEqual()
{
    OPEN_PG(pg);
    const QString ddl = readPgData(u"rich.sql"_s);
    const auto a = introspectFresh(pg, ddl);
    VERIFY_RESULT(a);
    const auto b = introspectFresh(pg, ddl);
    VERIFY_RESULT(b);
    QCOMPARE(jsonText(*a), jsonText(*b));
    QVERIFY(*a == *b);
    const Ops::DiffResult same = Ops::Differ::diff(*a, *a);
    QVERIFY2(same.isEmpty(), qPrintable(same.describe().join(u'\n')));
    const Ops::DiffResult across = Ops::Differ::diff(*a, *b);
    QVERIFY2(across.isEmpty(), qPrintable(across.describe().join(u'\n')));
}

void tst_PostgresIntrospector::defaultSchemaFollowsSearchPath()
{
    OPEN_PG(pg);
    const QString s1 = pg.create();
    const QString s2 = pg.create();
    QCOMPARE(pg.apply(s1, u"CREATE TABLE in_one (id int)"_s), QString());
    QCOMPARE(pg.apply(s2, u"CREATE TABLE in_two (id int)"_s), QString());
    Connection &c = pg.connection();
    QVERIFY(c.exec(u"SET search_path TO no_such_schema_here, %1, %2"_s.arg(c.quote(s2), c.quote(s1))));
    const auto byPath = PostgresIntrospector::introspect(c);
    VERIFY_RESULT(byPath);
    QCOMPARE(byPath->schemaName, s2);
    QCOMPARE(byPath->tables.size(), 1);
    QCOMPARE(byPath->tables.first().name, u"in_two"_s);

    IntrospectOptions explicitSchema;
    explicitSchema.schema = s1;
    const auto named = PostgresIntrospector::introspect(c, explicitSchema);
    VERIFY_RESULT(named);
    QCOMPARE(named->schemaName, s1);
    QCOMPARE(named->tables.size(), 1);
    QCOMPARE(named->tables.first().name, u"in_one"_s);
}

void tst_PostgresIntrospector::restoresSearchPath()
{
    OPEN_PG(pg);
    const QString s1 = pg.create();
    const QString s2 = pg.create();
    QCOMPARE(pg.apply(s2, u"CREATE TYPE colour AS ENUM ('red'); CREATE TABLE t (c colour)"_s), QString());
    Connection &c = pg.connection();
    QVERIFY(c.exec(u"SET search_path TO %1, public"_s.arg(c.quote(s1))));
    const auto before = c.select(u"SELECT current_setting('search_path')"_s);
    VERIFY_RESULT(before);
    IntrospectOptions options;
    options.schema = s2;
    const auto db = PostgresIntrospector::introspect(c, options);
    VERIFY_RESULT(db);
    // Read as if s2 were the search_path: the enum type is unqualified.
    QCOMPARE(db->tables.first().columns.first().type.raw, u"colour"_s);
    const auto after = c.select(u"SELECT current_setting('search_path')"_s);
    VERIFY_RESULT(after);
    QCOMPARE(after->first().first().toString(), before->first().first().toString());
}

void tst_PostgresIntrospector::missingSchemaIsAnError()
{
    OPEN_PG(pg);
    IntrospectOptions options;
    options.schema = u"no_such_schema_for_retort"_s;
    const auto db = PostgresIntrospector::introspect(pg.connection(), options);
    QVERIFY(!db);
    QVERIFY2(db.error().message.contains(u"no_such_schema_for_retort"_s), qPrintable(db.error().message));
    QCOMPARE(db.error().kind, Error::Kind::Database);
}

void tst_PostgresIntrospector::excludesVersionHistoryAndGlobs()
{
    OPEN_PG(pg);
    const QString s = pg.create();
    QCOMPARE(pg.apply(s, uR"(
        CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
        CREATE TABLE retort_history (id serial PRIMARY KEY, revision varchar(32));
        CREATE TABLE my_versions (v text);
        CREATE TABLE tmp_one (id serial);
        CREATE TABLE "TMP_two" (id int);
        CREATE TABLE keep (id int REFERENCES retort_history (id));
        CREATE INDEX tmp_one_idx ON tmp_one (id);
        CREATE VIEW tmp_view AS SELECT 1 AS x;
        CREATE VIEW kept_view AS SELECT 1 AS x;)"_s), QString());
    const auto defaults = PostgresIntrospector::introspect(pg.connection());
    VERIFY_RESULT(defaults);
    QStringList names;
    for (const Schema::Table &t : defaults->tables)
        names << t.name;
    QCOMPARE(names, (QStringList{u"TMP_two"_s, u"keep"_s, u"my_versions"_s, u"tmp_one"_s}));
    QVERIFY(defaults->sequences.isEmpty()); // retort_history_id_seq goes with its table

    IntrospectOptions options;
    options.tables.versionTable = u"my_versions"_s;
    options.tables.historyTable.clear();
    options.tables.excludeTables = {u"tmp_*"_s};
    const auto filtered = PostgresIntrospector::introspect(pg.connection(), options);
    VERIFY_RESULT(filtered);
    names.clear();
    for (const Schema::Table &t : filtered->tables)
        names << t.name;
    QCOMPARE(names, (QStringList{u"alembic_version"_s, u"keep"_s, u"retort_history"_s}));
    QVERIFY(filtered->sequences.isEmpty());
    QCOMPARE(defaults->views.size(), 2);
    QCOMPARE(filtered->views.size(), 1);
    QCOMPARE(filtered->views.first().name, u"kept_view"_s);
    QCOMPARE(filtered->table(u"keep"_s)->foreignKeys.first().referencedTable, u"retort_history"_s);
}

void tst_PostgresIntrospector::foreignKeyIntoAnotherSchema()
{
    OPEN_PG(pg);
    const QString other = pg.create();
    Connection &c = pg.connection();
    // Dropped and reordered columns on both sides: attnums are not positions.
    QCOMPARE(pg.apply(other, u"CREATE TABLE target (gone int, \"Key A\" int, b int, UNIQUE (b, \"Key A\"));"
                             "ALTER TABLE target DROP COLUMN gone"_s), QString());
    const auto db = introspectFresh(pg, u"CREATE TABLE src (x int, y int, z int);"
                                        "ALTER TABLE src DROP COLUMN x;"
                                        "CREATE INDEX src_z_idx ON src (z DESC, y);"
                                        "ALTER TABLE src ADD UNIQUE (z);"
                                        "ALTER TABLE src ADD FOREIGN KEY (z, y) REFERENCES %1.target (b, \"Key A\")"_s
                                            .arg(c.quote(other)));
    VERIFY_RESULT(db);
    const Schema::ForeignKey &fk = db->tables.first().foreignKeys.first();
    QCOMPARE(fk.columns, (QStringList{u"z"_s, u"y"_s}));
    QCOMPARE(fk.referencedSchema, other);
    QCOMPARE(fk.referencedTable, u"target"_s);
    QCOMPARE(fk.referencedColumns, (QStringList{u"b"_s, u"Key A"_s}));
    QCOMPARE(db->tables.first().indexes.first().columnNames(), (QStringList{u"z DESC"_s, u"y"_s}));
    QCOMPARE(db->tables.first().uniqueConstraints.first().columns, QStringList{u"z"_s});
}

void tst_PostgresIntrospector::readsUserTriggersOnly()
{
    OPEN_PG(pg);
    const auto db = introspectFresh(pg, uR"(
        CREATE TABLE parent (id int PRIMARY KEY);
        CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id), touched timestamptz);
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.touched := now(); RETURN NEW; END $$;
        CREATE TRIGGER child_touch BEFORE INSERT OR UPDATE ON child FOR EACH ROW EXECUTE FUNCTION touch();)"_s);
    VERIFY_RESULT(db);
    QVERIFY(db->table(u"parent"_s)->triggers.isEmpty()); // the FK's internal triggers are not listed
    const QList<Schema::Trigger> &triggers = db->table(u"child"_s)->triggers;
    QCOMPARE(triggers.size(), 1);
    QCOMPARE(triggers.first().name, u"child_touch"_s);
    QCOMPARE(triggers.first().definition,
             u"CREATE TRIGGER child_touch BEFORE INSERT OR UPDATE ON child FOR EACH ROW EXECUTE FUNCTION touch()"_s);
}

void tst_PostgresIntrospector::serialAndIdentityHideTheirSequences()
{
    OPEN_PG(pg);
    const auto db = introspectFresh(pg, uR"(
        CREATE SEQUENCE shared_seq;
        CREATE TABLE a (
            s1 serial, s2 bigserial, s3 smallserial,
            i1 int GENERATED ALWAYS AS IDENTITY, i2 bigint GENERATED BY DEFAULT AS IDENTITY,
            n int DEFAULT nextval('shared_seq'), o int);
        CREATE SEQUENCE owned_elsewhere OWNED BY a.o;
        ALTER TABLE a ALTER COLUMN o SET DEFAULT nextval('shared_seq');)"_s);
    VERIFY_RESULT(db);
    const Schema::Table &a = db->tables.first();
    const QList<std::pair<QString, QString>> serials{
        {u"s1"_s, u"INTEGER"_s}, {u"s2"_s, u"BIGINT"_s}, {u"s3"_s, u"SMALLINT"_s}};
    for (const auto &[name, type] : serials) {
        QCOMPARE(a.column(name)->identity, Schema::Identity::Serial);
        QCOMPARE(a.column(name)->type.normalized, type);
        QVERIFY(!a.column(name)->defaultExpression);
        QVERIFY(!a.column(name)->nullable);
    }
    QCOMPARE(a.column(u"i1"_s)->identity, Schema::Identity::IdentityAlways);
    QCOMPARE(a.column(u"i2"_s)->identity, Schema::Identity::IdentityByDefault);
    QVERIFY(!a.column(u"i1"_s)->defaultExpression);
    QCOMPARE(a.column(u"n"_s)->identity, Schema::Identity::None);
    QCOMPARE(*a.column(u"n"_s)->defaultExpression, u"nextval('shared_seq'::regclass)"_s);
    // Owned by o, but o's default uses another sequence: not a serial.
    QCOMPARE(a.column(u"o"_s)->identity, Schema::Identity::None);
    QStringList names;
    for (const Schema::Sequence &s : db->sequences)
        names << s.name + u':' + s.ownedBy;
    QCOMPARE(names, (QStringList{u"owned_elsewhere:a.o"_s, u"shared_seq:"_s}));
}

// diff_corpus.txt: cases "=== name", then "--- before", "--- after" (DDL) and "--- expect"
// (the Differ's describe() lines, in order; none = no changes).
void tst_PostgresIntrospector::diffCorpus_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("expected");
    const QStringList lines = readPgData(u"diff_corpus.txt"_s).split(u'\n');
    QString name, section, before, after;
    QStringList expected;
    auto flush = [&] {
        if (!name.isEmpty())
            QTest::newRow(qPrintable(name)) << before << after << expected;
        before.clear();
        after.clear();
        expected.clear();
    };
    for (const QString &line : lines) {
        if (line.startsWith(u"=== "_s)) {
            flush();
            name = line.mid(4).trimmed();
        } else if (line.startsWith(u"--- "_s)) {
            section = line.mid(4).trimmed();
        } else if (section == u"before") {
            before += line + u'\n';
        } else if (section == u"after") {
            after += line + u'\n';
        } else if (section == u"expect" && !line.trimmed().isEmpty()) {
            expected << line.trimmed();
        }
    }
    flush();
}

void tst_PostgresIntrospector::diffCorpus()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QStringList, expected);
    OPEN_PG(pg);
    const auto from = introspectFresh(pg, before);
    VERIFY_RESULT(from);
    const auto to = introspectFresh(pg, after);
    VERIFY_RESULT(to);
    QVERIFY(Ops::Differ::diff(*from, *from).isEmpty());
    QVERIFY(Ops::Differ::diff(*to, *to).isEmpty());
    const Ops::DiffResult result = Ops::Differ::diff(*from, *to);
    QCOMPARE(result.describe(), expected);
    // The opposite direction finds changes exactly when this one does.
    QCOMPARE(Ops::Differ::diff(*to, *from).isEmpty(), expected.isEmpty());
}

void tst_PostgresIntrospector::introspectsFiveHundredTablesQuickly()
{
    OPEN_PG(pg);
    const QString schema = pg.create();
    QVERIFY(!schema.isEmpty());
    QCOMPARE(pg.apply(schema, benchmarkDdl(500)), QString());
    qint64 best = std::numeric_limits<qint64>::max();
    Result<Schema::Database> db = Error();
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        db = PostgresIntrospector::introspect(pg.connection());
        best = std::min(best, timer.elapsed());
        VERIFY_RESULT(db);
    }
    qInfo("PostgreSQL introspection of 500 tables: best of 3 runs %lld ms", best);
    QCOMPARE(db->tables.size(), 500);
    for (const Schema::Table &t : db->tables) {
        QCOMPARE(t.columns.size(), 8);
        QCOMPARE(t.indexes.size(), 1);
        QCOMPARE(t.uniqueConstraints.size(), 1);
        QCOMPARE(t.foreignKeys.size(), 1);
        QCOMPARE(t.primaryKey.columns, QStringList{u"id"_s});
        QCOMPARE(t.columns.first().identity, Schema::Identity::Serial);
    }
    QVERIFY(db->sequences.isEmpty());
    // The target is well under 300 ms; the bound leaves room for a loaded 2-core machine and
    // still catches a per-table query pattern (which takes seconds).
    QVERIFY2(best < 1500, qPrintable(u"took %1 ms"_s.arg(best)));
    pg.drop(schema); // too many objects for one DROP SCHEMA ... CASCADE transaction
    QVERIFY(!pg.schemaExists(schema));
}

QTEST_GUILESS_MAIN(tst_PostgresIntrospector)
#include "tst_postgresintrospector.moc"

#include <engine/diff/differ.h>
#include <engine/diff/operationapplier.h>
#include <engine/dialect/sqlite/sqliteddlparser.h>
#include <engine/dialect/sqlite/sqliteintrospector.h>
#include <engine/dialect/sqlite/sqlitetokenizer.h>
#include <engine/dialect/typenormalizer.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <time.h>

using namespace Retort;
using namespace Retort::Schema;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(Retort::SqlDialect)

namespace {

// Statements of a DDL script: split at top-level ';' (CREATE TRIGGER bodies kept whole).
QStringList splitStatements(const QString &sql)
{
    const QList<SqliteTokenizer::Token> tokens = SqliteTokenizer::tokenize(sql);
    QStringList out;
    int begin = 0;
    for (int i = 0; i < tokens.size(); ++i) {
        const bool end = i + 1 == tokens.size() || tokens[i].isPunct(u';');
        if (!end)
            continue;
        bool trigger = false;
        for (int j = begin; j < std::min(begin + 4, i); ++j)
            trigger = trigger || tokens[j].isWord(u"TRIGGER");
        if (trigger && tokens[i].isPunct(u';') && !tokens[i - 1].isWord(u"END"))
            continue;
        const int last = tokens[i].isPunct(u';') ? i - 1 : i;
        if (last >= begin)
            out.append(sql.mid(tokens[begin].start, tokens[last].end - tokens[begin].start));
        begin = i + 1;
    }
    return out;
}

// A SQLite file in a temporary directory, on its own named connection.
class TempSqlite
{
public:
    TempSqlite()
    {
        static int counter = 0;
        m_name = u"tst_sqliteintrospector_%1"_s.arg(++counter);
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(m_dir.filePath(u"test.db"_s));
        m_open = db.open();
    }
    ~TempSqlite() { QSqlDatabase::removeDatabase(m_name); }

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    // Runs each statement; returns the first error text, or empty.
    QString exec(const QString &script)
    {
        QSqlDatabase d = db();
        d.transaction(); // one fsync for the script, not one per statement
        for (const QString &statement : splitStatements(script)) {
            QSqlQuery q(d);
            if (!q.exec(statement)) {
                d.rollback();
                return statement + u": "_s + q.lastError().text();
            }
        }
        d.commit();
        return {};
    }

    Result<Database> introspect(const IntrospectOptions &options = {})
    {
        QSqlDatabase d = db();
        return SqliteIntrospector::introspect(d, options);
    }

private:
    QTemporaryDir m_dir;
    QString m_name;
    bool m_open = false;
};

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// CPU time of this thread, in ms: what the work costs, whatever else the machine runs.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

QString dataDir()
{
    return QStringLiteral(RETORT_TEST_DATA_DIR) + u"/schema/sqlite"_s;
}

} // namespace

class tst_SqliteIntrospector : public QObject
{
    Q_OBJECT
private slots:
    void typeNormalizerFoldsSynonyms_data();
    void typeNormalizerFoldsSynonyms();
    void ddlParserReadsIndexes_data();
    void ddlParserReadsIndexes();
    void ddlParserReadsViewQueries_data();
    void ddlParserReadsViewQueries();
    void introspectsRichSchema();
    void richSchemaComparesEqualToItself();
    void introspectsUnusualDdl();
    void freshCopyOfSameDdlComparesEmpty();
    void leavesOutInternalVersionAndExcludedTables();
    void leavesOutVirtualAndShadowTables();
    void triggerOnDifferentlyCasedTableName();
    void failsOnClosedConnection();
    void corpus_data();
    void corpus();
    void fiveHundredTablesIntrospectAndDiff();
};

namespace {

Column col(const QString &name,
           const QString &raw,
           const QString &normalized,
           bool nullable = true,
           std::optional<QString> def = std::nullopt)
{
    Column c;
    c.name = name;
    c.type = {raw, normalized};
    c.nullable = nullable;
    c.defaultExpression = def;
    return c;
}

ForeignKey fk(const QString &name,
              const QStringList &cols,
              const QString &table,
              const QStringList &refCols)
{
    ForeignKey f;
    f.name = name;
    f.columns = cols;
    f.referencedTable = table;
    f.referencedColumns = refCols;
    return f;
}

Table expectedOrderLine()
{
    Table t;
    t.name = u"Order Line"_s;
    t.columns = {col(u"order id"_s, u"INTEGER"_s, u"INTEGER"_s, false),
                 col(u"line_no"_s, u"INTEGER"_s, u"INTEGER"_s, false),
                 col(u"SKU"_s, u"TEXT"_s, u"TEXT"_s, false),
                 col(u"qty"_s, u"INTEGER"_s, u"INTEGER"_s, false, u"1"_s)};
    t.primaryKey = {QString(), {u"order id"_s, u"line_no"_s}};
    ForeignKey f = fk(QString(), {u"order id"_s}, u"order"_s, {u"order id"_s});
    f.deferrable = true;
    f.initiallyDeferred = true;
    t.foreignKeys = {f};
    t.checkConstraints = {{QString(), u"qty > 0"_s}};
    t.withoutRowid = true;
    return t;
}

Table expectedOrder()
{
    Table t;
    t.name = u"order"_s;
    Column total = col(u"total_with_tax"_s, u"NUMERIC"_s, u"NUMERIC"_s);
    total.generated = Generated::Stored;
    total.generationExpression = u"\"Total Amount\" * 1.2"_s;
    Column label = col(u"label"_s, u"TEXT"_s, u"TEXT"_s);
    label.generated = Generated::Virtual;
    label.generationExpression = u"upper(status)"_s;
    t.columns = {col(u"order id"_s, u"INTEGER"_s, u"INTEGER"_s, false),
                 col(u"user_id"_s, u"INTEGER"_s, u"INTEGER"_s, false),
                 col(u"Total Amount"_s, u"NUMERIC(10, 2)"_s, u"NUMERIC(10,2)"_s, true, u"0"_s),
                 col(u"status"_s, u"TEXT"_s, u"TEXT"_s, false, u"'new'"_s),
                 total,
                 label};
    t.primaryKey = {u"pk_order"_s, {u"order id"_s}};
    t.uniqueConstraints = {{QString(), {u"user_id"_s, u"status"_s}, false, false}};
    Index ix;
    ix.name = u"ix order status"_s;
    ix.unique = true;
    ix.columns = {{u"status"_s, {}, false, {}}, {u"user_id"_s, {}, false, {}}};
    ix.where = u"status <> 'new'"_s;
    t.indexes = {ix};
    ForeignKey f = fk(u"fk_order_user"_s, {u"user_id"_s}, u"user"_s, {u"id"_s});
    f.onDelete = ReferentialAction::Cascade;
    f.onUpdate = ReferentialAction::SetNull;
    t.foreignKeys = {f};
    t.checkConstraints = {{u"ck_order_status"_s, u"status IN ('new', 'paid', 'shipped')"_s}};
    return t;
}

Table expectedTags()
{
    Table t;
    t.name = u"tags"_s;
    t.columns = {col(u"name"_s, u"TEXT"_s, u"TEXT"_s), col(u"parent"_s, u"TEXT"_s, u"TEXT"_s)};
    t.uniqueConstraints = {{QString(), {u"name"_s}, false, false}};
    ForeignKey f = fk(QString(), {u"parent"_s}, u"tags"_s, {u"name"_s});
    f.onDelete = ReferentialAction::Restrict;
    t.foreignKeys = {f};
    t.strict = true;
    return t;
}

Table expectedUser(const QString &triggerSql)
{
    Table t;
    t.name = u"user"_s;
    Column id = col(u"id"_s, u"INTEGER"_s, u"INTEGER"_s);
    id.identity = Identity::AutoIncrement;
    Column email = col(u"Email"_s, u"VARCHAR(255)"_s, u"VARCHAR(255)"_s, false);
    email.collation = u"NOCASE"_s;
    Column age = col(u"age"_s, u"INT"_s, u"INTEGER"_s);
    t.columns
        = {id,
           email,
           col(u"display_name"_s, u"TEXT"_s, u"TEXT"_s, true, u"'anon'"_s),
           age,
           col(u"score"_s, u"REAL"_s, u"REAL"_s, true, u"0.5"_s),
           col(u"created_at"_s, u"TIMESTAMP"_s, u"TIMESTAMP"_s, false, u"CURRENT_TIMESTAMP"_s)};
    t.primaryKey = {QString(), {u"id"_s}};
    t.uniqueConstraints = {{u"uq_user_email"_s, {u"Email"_s}, false, false}};
    Index created;
    created.name = u"ix_user_created"_s;
    created.columns = {{u"created_at"_s, {}, true, {}}};
    Index lower;
    lower.name = u"ix_user_lower_email"_s;
    lower.columns
        = {{{}, u"lower(\"Email\")"_s, false, {}}, {u"display_name"_s, {}, false, u"NOCASE"_s}};
    t.indexes = {created, lower};
    t.checkConstraints = {{QString(), u"age >= 0"_s}};
    t.triggers = {{u"trg_user_touch"_s, triggerSql}};
    return t;
}

QByteArray json(const Table &t)
{
    return QJsonDocument(t.toJson()).toJson();
}

} // namespace

void tst_SqliteIntrospector::typeNormalizerFoldsSynonyms_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("normalized");
    const auto S = SqlDialect::SQLite, P = SqlDialect::PostgreSQL, M = SqlDialect::MySQL;
    const QList<std::tuple<SqlDialect, QString, QString>> rows = {
        {S, u"INT"_s, u"INTEGER"_s},
        {S, u"integer"_s, u"INTEGER"_s},
        {S, u"varchar ( 20 )"_s, u"VARCHAR(20)"_s},
        {S, u"NUMERIC(10, 2)"_s, u"NUMERIC(10,2)"_s},
        {S, u"character varying(5)"_s, u"VARCHAR(5)"_s},
        {S, u"unsigned big int"_s, u"UNSIGNED BIG INT"_s},
        {S, QString(), QString()},
        {P, u"int4"_s, u"INTEGER"_s},
        {P, u"integer"_s, u"INTEGER"_s},
        {P, u"serial"_s, u"INTEGER"_s},
        {P, u"int8"_s, u"BIGINT"_s},
        {P, u"character varying(20)"_s, u"VARCHAR(20)"_s},
        {P, u"varchar(20)"_s, u"VARCHAR(20)"_s},
        {P, u"character(3)"_s, u"CHAR(3)"_s},
        {P, u"bool"_s, u"BOOLEAN"_s},
        {P, u"double precision"_s, u"DOUBLE PRECISION"_s},
        {P, u"float8"_s, u"DOUBLE PRECISION"_s},
        {P, u"decimal(10,2)"_s, u"NUMERIC(10,2)"_s},
        {P, u"timestamp without time zone"_s, u"TIMESTAMP"_s},
        {P, u"timestamp(3) with time zone"_s, u"TIMESTAMPTZ(3)"_s},
        {P, u"timestamptz"_s, u"TIMESTAMPTZ"_s},
        {P, u"integer[]"_s, u"INTEGER[]"_s},
        {P, u"_int4"_s, u"INTEGER[]"_s},
        {P, u"character varying(10)[]"_s, u"VARCHAR(10)[]"_s},
        {P, u"\"Mood\""_s, u"\"Mood\""_s},
        {P, u"mood"_s, u"mood"_s},
        {M, u"int(11)"_s, u"INT"_s},
        {M, u"int"_s, u"INT"_s},
        {M, u"integer"_s, u"INT"_s},
        {M, u"int(10) unsigned"_s, u"INT UNSIGNED"_s},
        {M, u"bigint(20)"_s, u"BIGINT"_s},
        {M, u"tinyint(1)"_s, u"TINYINT(1)"_s},
        {M, u"tinyint(4)"_s, u"TINYINT"_s},
        {M, u"boolean"_s, u"TINYINT(1)"_s},
        {M, u"decimal"_s, u"DECIMAL(10,0)"_s},
        {M, u"numeric(8, 2)"_s, u"DECIMAL(8,2)"_s},
        {M, u"decimal(7)"_s, u"DECIMAL(7,0)"_s},
        {M, u"varchar(255)"_s, u"VARCHAR(255)"_s},
        {M, u"enum('a','B c')"_s, u"ENUM('a','B c')"_s},
        {M, u"double precision"_s, u"DOUBLE"_s},
    };
    for (const auto &[dialect, raw, normalized] : rows)
        QTest::addRow("%s %s", qPrintable(dialectName(dialect)), qPrintable(raw))
            << dialect << raw << normalized;
}

void tst_SqliteIntrospector::typeNormalizerFoldsSynonyms()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, raw);
    QFETCH(QString, normalized);
    const TypeNormalizer normalizer(dialect);
    QCOMPARE(normalizer.normalize(raw), normalized);
    QCOMPARE(normalizer.columnType(raw), (ColumnType{raw, normalized}));
    QCOMPARE(normalizer.normalize(normalized), normalized); // idempotent
}

void tst_SqliteIntrospector::ddlParserReadsIndexes_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("parts"); // displayText() of each key part
    QTest::addColumn<QString>("where");
    QTest::newRow("plain") << u"CREATE INDEX i ON t(a)"_s << QStringList{u"a"_s} << QString();
    QTest::newRow("quoted, collate, desc, expression, where")
        << u"CREATE UNIQUE INDEX IF NOT EXISTS \"i x\" ON \"t\" (\"a b\" COLLATE NOCASE DESC, "
           "lower(c) ASC) WHERE a IS NOT NULL;"_s
        << QStringList{u"a b COLLATE NOCASE DESC"_s, u"lower(c)"_s} << u"a IS NOT NULL"_s;
    QTest::newRow("commas inside an expression")
        << u"CREATE INDEX i ON t (substr(a, 1, 2), b)"_s
        << QStringList{u"substr(a, 1, 2)"_s, u"b"_s} << QString();
    QTest::newRow("parenthesis in a string of the predicate")
        << u"CREATE INDEX i ON t (a) WHERE b <> ')' AND (c > 1)"_s << QStringList{u"a"_s}
        << u"b <> ')' AND (c > 1)"_s;
    QTest::newRow("schema-qualified name, comment")
        << u"CREATE INDEX main.i ON t /* (x) */ (a -- why\n)"_s << QStringList{u"a"_s} << QString();
}

void tst_SqliteIntrospector::ddlParserReadsIndexes()
{
    QFETCH(QString, sql);
    QFETCH(QStringList, parts);
    QFETCH(QString, where);
    const SqliteDdlParser::IndexDef def = SqliteDdlParser::parseIndex(sql);
    QStringList actual;
    for (const IndexColumn &c : def.columns)
        actual << c.displayText();
    QCOMPARE(actual, parts);
    QCOMPARE(def.where, where);
}

void tst_SqliteIntrospector::ddlParserReadsViewQueries_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("query");
    QTest::newRow("plain") << u"CREATE VIEW v AS SELECT 1"_s << u"SELECT 1"_s;
    QTest::newRow("column list") << u"CREATE VIEW v(x, y) AS SELECT 1 AS x, 2 AS y"_s
                                 << u"SELECT 1 AS x, 2 AS y"_s;
    QTest::newRow("view named as")
        << u"CREATE VIEW IF NOT EXISTS \"as\" AS SELECT 'AS'"_s << u"SELECT 'AS'"_s;
    QTest::newRow("temp, trailing semicolon")
        << u"CREATE TEMP VIEW v AS\n  SELECT a FROM t;"_s << u"SELECT a FROM t"_s;
}

void tst_SqliteIntrospector::ddlParserReadsViewQueries()
{
    QFETCH(QString, sql);
    QFETCH(QString, query);
    QCOMPARE(SqliteDdlParser::viewDefinition(sql), query);
}

void tst_SqliteIntrospector::introspectsRichSchema()
{
    TempSqlite db;
    QVERIFY(db.isOpen());
    const QString ddl = readFile(dataDir() + u"/rich.sql"_s);
    QVERIFY(!ddl.isEmpty());
    QCOMPARE(db.exec(ddl), QString());
    QString triggerSql;
    for (const QString &s : splitStatements(ddl)) {
        if (s.startsWith(u"CREATE TRIGGER"_s))
            triggerSql = s;
    }
    IntrospectOptions options;
    options.tables.excludeTables = {u"tmp_*"_s};
    const Result<Database> model = db.introspect(options);
    QVERIFY2(model, qPrintable(model ? QString() : model.error().toString()));
    QCOMPARE(model->dialect, SqlDialect::SQLite);
    QStringList names;
    for (const Table &t : model->tables)
        names << t.name;
    QCOMPARE(names, (QStringList{u"Order Line"_s, u"order"_s, u"tags"_s, u"user"_s}));
    const QList<Table> expected
        = {expectedOrderLine(), expectedOrder(), expectedTags(), expectedUser(triggerSql)};
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(json(model->tables.at(i)), json(expected.at(i)));
        QCOMPARE(model->tables.at(i), expected.at(i));
    }
    QCOMPARE(model->views.size(), 1);
    QCOMPARE(model->views.first().name, u"paid orders"_s);
    QCOMPARE(model->views.first().definition,
             u"SELECT \"order id\", user_id FROM \"order\" WHERE status = 'paid'"_s);
    QVERIFY(model->enums.isEmpty());
    QVERIFY(model->sequences.isEmpty());
    // `retort inspect` text form, checked against a reviewed golden file.
    const QString text = model->toText();
    QCOMPARE(text, readFile(dataDir() + u"/rich.txt"_s));
}

void tst_SqliteIntrospector::introspectsUnusualDdl()
{
    TempSqlite db;
    const QString ddl = uR"(CREATE TABLE [weird table] (
    `a``b` INTEGER CONSTRAINT "pk ""x""" PRIMARY KEY ON CONFLICT ROLLBACK,
    c TEXT /* a comment, with a comma */ NOT NULL ON CONFLICT IGNORE DEFAULT ('x,y')
        CHECK (length(c) > (1)), -- a trailing comment, (with a paren
    d TEXT COLLATE RTRIM UNIQUE ON CONFLICT REPLACE,
    e REFERENCES "weird table" MATCH SIMPLE ON UPDATE CASCADE NOT DEFERRABLE,
    f INT GENERATED ALWAYS AS (d || 'x') VIRTUAL,
    CONSTRAINT "two words" CHECK (c <> 'a,b' AND (e IS NULL OR e > 0))
))"_s;
    QCOMPARE(db.exec(ddl), QString());
    const Result<Database> model = db.introspect();
    QVERIFY(model);
    QCOMPARE(model->tables.size(), 1);
    Table expected;
    expected.name = u"weird table"_s;
    Column f = col(u"f"_s, u"INT"_s, u"INTEGER"_s);
    f.generated = Generated::Virtual;
    f.generationExpression = u"d || 'x'"_s;
    Column d = col(u"d"_s, u"TEXT"_s, u"TEXT"_s);
    d.collation = u"RTRIM"_s;
    expected.columns = {col(u"a`b"_s, u"INTEGER"_s, u"INTEGER"_s),
                        col(u"c"_s, u"TEXT"_s, u"TEXT"_s, false, u"'x,y'"_s),
                        d,
                        col(u"e"_s, QString(), QString()),
                        f};
    expected.primaryKey = {u"pk \"x\""_s, {u"a`b"_s}};
    expected.uniqueConstraints = {{QString(), {u"d"_s}, false, false}};
    ForeignKey e = fk(QString(), {u"e"_s}, u"weird table"_s, {u"a`b"_s});
    e.onUpdate = ReferentialAction::Cascade;
    expected.foreignKeys = {e};
    expected.checkConstraints = {{QString(), u"length(c) > (1)"_s},
                                 {u"two words"_s, u"c <> 'a,b' AND (e IS NULL OR e > 0)"_s}};
    QCOMPARE(json(model->tables.first()), json(expected));
    QCOMPARE(model->tables.first(), expected);
}

void tst_SqliteIntrospector::richSchemaComparesEqualToItself()
{
    TempSqlite db;
    QCOMPARE(db.exec(readFile(dataDir() + u"/rich.sql"_s)), QString());
    const Result<Database> a = db.introspect();
    const Result<Database> b = db.introspect();
    QVERIFY(a && b);
    QCOMPARE(*a, *b);
    QCOMPARE(Ops::Differ::diff(*a, *b).describe(), QStringList());
}

void tst_SqliteIntrospector::freshCopyOfSameDdlComparesEmpty()
{
    const QString ddl = readFile(dataDir() + u"/rich.sql"_s);
    TempSqlite first, second;
    QCOMPARE(first.exec(ddl), QString());
    QCOMPARE(second.exec(ddl), QString());
    const Result<Database> a = first.introspect();
    const Result<Database> b = second.introspect();
    QVERIFY(a && b);
    QCOMPARE(*a, *b);
    QCOMPARE(Ops::Differ::diff(*a, *b).describe(), QStringList());
    // And against an empty database: everything is created, in an order SQLite accepts.
    TempSqlite empty;
    const Result<Database> none = empty.introspect();
    QVERIFY(none);
    QVERIFY(none->tables.isEmpty());
    const Ops::DiffResult create = Ops::Differ::diff(*none, *b);
    QStringList created;
    for (const Ops::Operation &op : create.operations) {
        if (const auto *ct = std::get_if<Ops::CreateTable>(&op))
            created << ct->table.name;
    }
    QCOMPARE(created,
             (QStringList{u"tags"_s, u"tmp_scratch"_s, u"user"_s, u"order"_s, u"Order Line"_s}));
    Database applied = *none;
    QVERIFY(Ops::OperationApplier::apply(applied, create.operations));
    QCOMPARE(Ops::Differ::diff(applied, *b).describe(), QStringList());
}

void tst_SqliteIntrospector::leavesOutInternalVersionAndExcludedTables()
{
    TempSqlite db;
    QCOMPARE(db.exec(readFile(dataDir() + u"/rich.sql"_s)), QString());
    const Result<Database> all = db.introspect(IntrospectOptions{QString(), QString(), {}, {}});
    QVERIFY(all);
    QVERIFY(all->table(u"alembic_version"_s));
    QVERIFY(all->table(u"retort_history"_s));
    QVERIFY(all->table(u"tmp_scratch"_s));
    QVERIFY(!all->table(u"sqlite_sequence"_s));
    QCOMPARE(all->table(u"alembic_version"_s)->primaryKey.name, u"alembic_version_pkc"_s);

    IntrospectOptions options;
    options.tables.versionTable = u"ALEMBIC_VERSION"_s;
    options.tables.excludeTables = {u"TMP_*"_s, u"paid*"_s};
    const Result<Database> some = db.introspect(options);
    QVERIFY(some);
    QVERIFY(!some->table(u"alembic_version"_s));
    QVERIFY(!some->table(u"retort_history"_s));
    QVERIFY(!some->table(u"tmp_scratch"_s));
    QVERIFY(some->table(u"user"_s));
    QVERIFY(some->views.isEmpty());
}

void tst_SqliteIntrospector::leavesOutVirtualAndShadowTables()
{
    TempSqlite db;
    QCOMPARE(db.exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY);\n"
                     "CREATE VIRTUAL TABLE docs USING fts5(body);\n"
                     "CREATE VIRTUAL TABLE boxes USING rtree(id, x0, x1);"_s),
             QString());
    const Result<Database> model = db.introspect();
    QVERIFY(model);
    QStringList names;
    for (const Table &t : model->tables)
        names << t.name;
    QCOMPARE(names, QStringList{u"t"_s});
}

void tst_SqliteIntrospector::triggerOnDifferentlyCasedTableName()
{
    TempSqlite db;
    QCOMPARE(db.exec(u"CREATE TABLE Items (id INTEGER PRIMARY KEY, n INTEGER);\n"
                     "CREATE TRIGGER trg AFTER INSERT ON items BEGIN SELECT 1; END;"_s),
             QString());
    const Result<Database> model = db.introspect();
    QVERIFY(model);
    QCOMPARE(model->tables.first().triggers.size(), 1);
    QCOMPARE(model->tables.first().triggers.first().name, u"trg"_s);
}

void tst_SqliteIntrospector::failsOnClosedConnection()
{
    TempSqlite db;
    QSqlDatabase d = db.db();
    d.close();
    const Result<Database> model = SqliteIntrospector::introspect(d);
    QVERIFY(!model);
    QCOMPARE(model.error().kind, Error::Kind::Database);
    QVERIFY(model.error().message.startsWith(u"Cannot read the SQLite schema"_s));
}

namespace {

// One corpus file: "-- @before", "-- @after", "-- @expect", "-- @candidates" sections and
// "-- @rename TABLE.OLD=NEW" lines. Expected lines are "-- <describe()>", prefixed "! " when
// the operation is destructive.
struct CorpusCase
{
    QString before;
    QString after;
    QStringList expect;
    QStringList candidates;
    QStringList renames;
};

CorpusCase parseCase(const QString &text)
{
    CorpusCase c;
    QString section;
    for (const QString &line : text.split(u'\n')) {
        if (line.startsWith(u"-- @rename "_s)) {
            c.renames << line.mid(11).trimmed();
        } else if (line.startsWith(u"-- @"_s)) {
            section = line.mid(4).trimmed();
        } else if (section == u"before"_s) {
            c.before += line + u'\n';
        } else if (section == u"after"_s) {
            c.after += line + u'\n';
        } else if (line.startsWith(u"-- "_s) && section == u"expect"_s) {
            c.expect << line.mid(3).trimmed();
        } else if (line.startsWith(u"-- "_s) && section == u"candidates"_s) {
            c.candidates << line.mid(3).trimmed();
        }
    }
    return c;
}

QStringList describeWithFlags(const Ops::OperationList &ops)
{
    QStringList lines;
    for (const Ops::Operation &op : ops) {
        for (const QString &line : Ops::describe(op).split(u'\n'))
            lines << (Ops::isDestructive(op) ? u"! "_s : QString()) + line;
    }
    return lines;
}

} // namespace

void tst_SqliteIntrospector::corpus_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(dataDir() + u"/diff"_s);
    const QStringList files = dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 40);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void tst_SqliteIntrospector::corpus()
{
    QFETCH(QString, path);
    const CorpusCase c = parseCase(readFile(path));
    TempSqlite before, after;
    QCOMPARE(before.exec(c.before), QString());
    QCOMPARE(after.exec(c.after), QString());
    const Result<Database> a = before.introspect();
    const Result<Database> b = after.introspect();
    QVERIFY(a && b);
    Ops::DiffOptions options;
    for (const QString &spec : c.renames) {
        const Result<Ops::ColumnRename> r = Ops::ColumnRename::parse(spec);
        QVERIFY(r);
        options.renames << *r;
    }
    const Ops::DiffResult result = Ops::Differ::diff(*a, *b, options);
    QCOMPARE(describeWithFlags(result.operations), c.expect);
    QStringList candidates;
    for (const Ops::RenameCandidate &rc : result.renameCandidates)
        candidates << rc.describe();
    QCOMPARE(candidates, c.candidates);

    // The operations take the model from before to after, and their reverse takes it back.
    Database applied = *a;
    const Result<void> up = Ops::OperationApplier::apply(applied, result.operations);
    QVERIFY2(up, qPrintable(up ? QString() : up.error().toString()));
    QCOMPARE(Ops::Differ::diff(applied, *b).describe(), QStringList());
    const Result<void> down
        = Ops::OperationApplier::apply(applied, Ops::reverse(result.operations));
    QVERIFY2(down, qPrintable(down ? QString() : down.error().toString()));
    QCOMPARE(Ops::Differ::diff(applied, *a).describe(), QStringList());
    QCOMPARE(Ops::Differ::diff(*a, *a).describe(), QStringList());
    QCOMPARE(Ops::Differ::diff(*b, *b).describe(), QStringList());
}

void tst_SqliteIntrospector::fiveHundredTablesIntrospectAndDiff()
{
    const int count = 500;
    QString ddl;
    for (int i = 0; i < count; ++i) {
        const QString t = u"t%1"_s.arg(i, 4, 10, QChar(u'0'));
        const QString parent = u"t%1"_s.arg(std::max(i - 1, 0), 4, 10, QChar(u'0'));
        ddl += u"CREATE TABLE %1 (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email VARCHAR(100), "
               "qty INTEGER DEFAULT 0, price NUMERIC(10, 2), created TIMESTAMP, flag BOOLEAN, "
               "parent_id INTEGER REFERENCES %2 (id) ON DELETE CASCADE, UNIQUE (email));\n"
               "CREATE INDEX ix_%1_name ON %1 (name);\n"_s.arg(t, parent);
    }
    TempSqlite db;
    QCOMPARE(db.exec(ddl), QString());
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuMs();
    const Result<Database> model = db.introspect();
    const qint64 introspectMs = timer.restart();
    const double introspectCpu = threadCpuMs() - cpuStart;
    QVERIFY(model);
    QCOMPARE(model->tables.size(), count);
    Database desired = *model;
    desired.tables[250].columns[1].type = {u"VARCHAR(20)"_s, u"VARCHAR(20)"_s};
    desired.tables.removeLast();
    timer.restart();
    const double diffStart = threadCpuMs();
    const Ops::DiffResult self = Ops::Differ::diff(*model, *model);
    const Ops::DiffResult changed = Ops::Differ::diff(*model, desired);
    const qint64 diffMs = timer.elapsed();
    const double diffCpu = threadCpuMs() - diffStart;
    QVERIFY(self.isEmpty());
    QCOMPARE(changed.operations.size(), 2);
    // A chain of 500 FKs: creating everything from nothing orders parents first, no recursion.
    const Ops::DiffResult create = Ops::Differ::diff(Database{}, *model);
    QCOMPARE(create.operations.size(), 2 * count);
    QCOMPARE(std::get<Ops::CreateTable>(create.operations.at(0)).table.name, u"t0000"_s);
    QCOMPARE(std::get<Ops::CreateTable>(create.operations.at(2 * count - 2)).table.name,
             u"t0499"_s);
    qInfo("500 tables: introspect %lld ms wall / %.1f ms CPU, two diffs %lld ms wall / %.1f ms CPU",
          introspectMs,
          introspectCpu,
          diffMs,
          diffCpu);
    // The timing is reported, not asserted: `make bench` measures introspect + diff (bench/).
}

QTEST_GUILESS_MAIN(tst_SqliteIntrospector)
#include "tst_sqliteintrospector.moc"

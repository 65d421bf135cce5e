#include "../common/testdatabases.h"
#include "mysqltestdatabase.h"

#include <engine/dialect/mysql/mysqlintrospector.h>
#include <engine/dialect/mysql/mysqlscratch.h>
#include <engine/diff/differ.h>
#include <engine/schema/schematext.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Retort;
using namespace RetortTest;
using namespace Qt::Literals::StringLiterals;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(RETORT_TEST_DATA_DIR) + u"/schema/mysql/"_s + name;
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// The model without the database name, which differs between two databases of the same DDL.
Schema::Database anonymous(Schema::Database db)
{
    db.schemaName.clear();
    return db;
}

MysqlScratch::Script script(const QString &file, const QString &sql)
{
    const auto statements = StatementSplitter::split(sql, SqlDialect::MySQL);
    if (!statements)
        qFatal("%s", qPrintable(statements.error().toString()));
    return {file, *statements};
}

// How many databases on the server have this name (LIKE pattern).
int databaseCount(Connection &c, const QString &pattern)
{
    const auto rows = c.select(u"SELECT COUNT(*) FROM information_schema.SCHEMATA "
                               "WHERE SCHEMA_NAME LIKE ?"_s, {pattern});
    return rows ? rows->constFirst().constFirst().toInt() : -1;
}

int objectCount(Connection &c)
{
    const auto rows = c.select(u"SELECT COUNT(*) FROM information_schema.TABLES "
                               "WHERE TABLE_SCHEMA = DATABASE()"_s);
    return rows ? rows->constFirst().constFirst().toInt() : -1;
}

const QString scratchPattern = u"retort\\_scratch\\_%"_s;

} // namespace

// MysqlIntrospector against the real MariaDB of scripts/with-test-dbs.sh. Every test works in
// databases of its own (retort_it_<random>) and drops them.
class tst_MysqlIntrospector : public QObject
{
    Q_OBJECT
private slots:
    void goldenSchema();
    void sameDdlIntrospectsEqual();
    void columnFacts_data();
    void columnFacts();
    void tableFacts_data();
    void tableFacts();
    void excludesRetortAndGlobTables();
    void readsAnotherDatabaseByName();
    void failsWithoutDatabase();
    void scratchIntrospectsModels();
    void scratchDropsDatabaseWhenModelsFail_data();
    void scratchDropsDatabaseWhenModelsFail();
    void scratchTakesCharsetOfTarget();
    void devUrlDatabaseIsEmptiedAfterUse();
    void devUrlDatabaseMustBeEmpty();
    void devUrlWithoutDatabaseUsesScratchDatabase();
    void introspectsManyTablesQuickly();

private:
    std::unique_ptr<MysqlTestDatabase> freshDatabase();
    Schema::Database introspectDdl(const QString &ddl);
};

std::unique_ptr<MysqlTestDatabase> tst_MysqlIntrospector::freshDatabase()
{
    QString error;
    auto db = MysqlTestDatabase::create(serverUrl(SqlDialect::MySQL), &error);
    if (!db)
        qWarning("%s", qPrintable(error));
    return db;
}

// Applies `ddl` to a fresh database and introspects it; QTest failures on error.
Schema::Database tst_MysqlIntrospector::introspectDdl(const QString &ddl)
{
    auto db = freshDatabase();
    if (!db) {
        QTest::qFail("cannot create a test database", __FILE__, __LINE__);
        return {};
    }
    const QString error = db->run(ddl);
    if (!error.isEmpty()) {
        QTest::qFail(qPrintable(error), __FILE__, __LINE__);
        return {};
    }
    auto model = MysqlIntrospector::introspect(db->connection());
    if (!model) {
        QTest::qFail(qPrintable(model.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return anonymous(*model);
}

void tst_MysqlIntrospector::goldenSchema()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    const Schema::Database model = introspectDdl(readText(dataPath(u"rich.sql"_s)));
    if (QTest::currentTestFailed())
        return;
    const QByteArray actual = QJsonDocument(model.toJson()).toJson(QJsonDocument::Indented);
    if (qEnvironmentVariableIntValue("RETORT_UPDATE_GOLDEN") == 1) {
        QFile out(dataPath(u"rich.json"_s));
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual);
        QFile text(dataPath(u"rich.txt"_s));
        QVERIFY(text.open(QIODevice::WriteOnly | QIODevice::Truncate));
        text.write(model.toText().toUtf8());
    }
    const QString expected = readText(dataPath(u"rich.json"_s));
    QVERIFY2(!expected.isEmpty(), "tests/data/schema/mysql/rich.json is missing");
    QCOMPARE(QString::fromUtf8(actual), expected);
    QCOMPARE(model.toText(), readText(dataPath(u"rich.txt"_s)));
}

void tst_MysqlIntrospector::sameDdlIntrospectsEqual()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    const QString ddl = readText(dataPath(u"rich.sql"_s));
    const Schema::Database first = introspectDdl(ddl);
    const Schema::Database second = introspectDdl(ddl);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(first.tables.size(), 5);
    QCOMPARE(first.views.size(), 2);
    QCOMPARE(first.toText(), second.toText());
    QVERIFY(first == second);
    QCOMPARE(Ops::Differ::diff(first, second).describe(), QStringList());
    QCOMPARE(Ops::Differ::diff(second, first).describe(), QStringList());
    QCOMPARE(Ops::Differ::diff(first, first).describe(), QStringList());
}

void tst_MysqlIntrospector::columnFacts_data()
{
    // One column `c` of table t, as written in DDL, and the column line of `retort inspect`.
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const QString &def, const QString &expected) {
        QTest::newRow(name) << def << expected;
    };
    row("int(11)", u"INT(11)"_s, u"\"c\" INT NULL"_s);
    row("integer not null", u"INTEGER NOT NULL"_s, u"\"c\" INT NOT NULL"_s);
    row("bigint unsigned", u"BIGINT(20) UNSIGNED"_s, u"\"c\" BIGINT UNSIGNED NULL"_s);
    row("tinyint(1)", u"TINYINT(1) NOT NULL DEFAULT 0"_s,
        u"\"c\" TINYINT(1) NOT NULL DEFAULT 0"_s);
    row("bool true", u"BOOL DEFAULT TRUE"_s, u"\"c\" TINYINT(1) NULL DEFAULT 1"_s);
    row("tinyint", u"TINYINT"_s, u"\"c\" TINYINT NULL"_s);
    row("zerofill", u"INT(5) ZEROFILL"_s, u"\"c\" INT(5) UNSIGNED ZEROFILL NULL"_s);
    row("varchar default string", u"VARCHAR(20) DEFAULT 'abc'"_s,
        u"\"c\" VARCHAR(20) NULL DEFAULT 'abc'"_s);
    row("double-quoted default", u"VARCHAR(20) DEFAULT \"it's\""_s,
        u"\"c\" VARCHAR(20) NULL DEFAULT 'it''s'"_s);
    row("default NULL is none", u"VARCHAR(20) DEFAULT NULL"_s, u"\"c\" VARCHAR(20) NULL"_s);
    row("string 'NULL' is a default", u"VARCHAR(20) DEFAULT 'NULL'"_s,
        u"\"c\" VARCHAR(20) NULL DEFAULT 'NULL'"_s);
    row("empty string default", u"VARCHAR(20) NOT NULL DEFAULT ''"_s,
        u"\"c\" VARCHAR(20) NOT NULL DEFAULT ''"_s);
    row("char", u"CHAR"_s, u"\"c\" CHAR(1) NULL"_s);
    row("decimal", u"DECIMAL"_s, u"\"c\" DECIMAL(10,0) NULL"_s);
    row("numeric(5,1) default", u"NUMERIC(5,1) DEFAULT 2.5"_s,
        u"\"c\" DECIMAL(5,1) NULL DEFAULT 2.5"_s);
    row("negative default", u"INT DEFAULT -1"_s, u"\"c\" INT NULL DEFAULT -1"_s);
    row("double precision", u"DOUBLE PRECISION"_s, u"\"c\" DOUBLE NULL"_s);
    row("real", u"REAL"_s, u"\"c\" DOUBLE NULL"_s);
    row("float(7,3)", u"FLOAT(7,3)"_s, u"\"c\" FLOAT(7,3) NULL"_s);
    row("datetime default now", u"DATETIME DEFAULT NOW()"_s,
        u"\"c\" DATETIME NULL DEFAULT current_timestamp()"_s);
    row("datetime(6)", u"DATETIME(6) NOT NULL"_s, u"\"c\" DATETIME(6) NOT NULL"_s);
    row("timestamp on update", u"TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP"_s,
        u"\"c\" TIMESTAMP NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp()"_s);
    row("timestamp(3) on update only", u"TIMESTAMP(3) NULL ON UPDATE CURRENT_TIMESTAMP(3)"_s,
        u"\"c\" TIMESTAMP(3) NULL ON UPDATE current_timestamp(3)"_s);
    row("date default", u"DATE DEFAULT '2020-01-31'"_s,
        u"\"c\" DATE NULL DEFAULT '2020-01-31'"_s);
    row("year", u"YEAR"_s, u"\"c\" YEAR NULL"_s);
    row("time(2)", u"TIME(2)"_s, u"\"c\" TIME(2) NULL"_s);
    row("tinytext", u"TINYTEXT"_s, u"\"c\" TINYTEXT NULL"_s);
    row("longblob", u"LONGBLOB"_s, u"\"c\" LONGBLOB NULL"_s);
    row("json", u"JSON"_s, u"\"c\" JSON NULL"_s);
    row("longtext with json_valid check is JSON", u"LONGTEXT CHECK (JSON_VALID(c))"_s,
        u"\"c\" JSON NULL"_s);
    row("enum", u"ENUM('a', 'B', 'it''s') NOT NULL DEFAULT 'B'"_s,
        u"\"c\" ENUM('a','B','it''s') NOT NULL DEFAULT 'B'"_s);
    row("set", u"SET('x', 'y') DEFAULT 'x,y'"_s, u"\"c\" SET('x','y') NULL DEFAULT 'x,y'"_s);
    row("bit default", u"BIT(8) DEFAULT b'101'"_s, u"\"c\" BIT(8) NULL DEFAULT b'101'"_s);
    row("expression default", u"INT DEFAULT (1+2)"_s, u"\"c\" INT NULL DEFAULT (1 + 2)"_s);
    row("collation differs from table", u"VARCHAR(5) COLLATE utf8mb4_bin"_s,
        u"\"c\" VARCHAR(5) NULL COLLATE utf8mb4_bin"_s);
    row("charset only", u"VARCHAR(5) CHARACTER SET utf8mb4"_s,
        u"\"c\" VARCHAR(5) NULL COLLATE utf8mb4_general_ci"_s);
    row("comment", u"INT COMMENT 'the c'"_s, u"\"c\" INT NULL COMMENT \"the c\""_s);
    row("virtual", u"INT AS (id * 2) VIRTUAL"_s,
        u"\"c\" INT NULL GENERATED ALWAYS AS (`id` * 2) VIRTUAL"_s);
    row("stored", u"VARCHAR(20) GENERATED ALWAYS AS (CONCAT('#', id)) STORED"_s,
        u"\"c\" VARCHAR(20) NULL GENERATED ALWAYS AS (concat('#',`id`)) STORED"_s);
    row("quoted number on int", u"INT DEFAULT '7'"_s, u"\"c\" INT NULL DEFAULT 7"_s);
    row("backslash in string default", u"VARCHAR(10) DEFAULT 'a\\\\b'"_s,
        u"\"c\" VARCHAR(10) NULL DEFAULT 'a\\\\b'"_s);
    row("hex literal default", u"VARCHAR(10) DEFAULT 0x41"_s,
        u"\"c\" VARCHAR(10) NULL DEFAULT 'A'"_s);
    row("number on varchar", u"VARCHAR(5) DEFAULT 12"_s, u"\"c\" VARCHAR(5) NULL DEFAULT '12'"_s);
    row("date default on datetime", u"DATETIME DEFAULT '2020-01-01'"_s,
        u"\"c\" DATETIME NULL DEFAULT '2020-01-01 00:00:00'"_s);
    row("auto_increment", u"BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE"_s,
        u"\"c\" BIGINT UNSIGNED NOT NULL AUTOINCREMENT"_s);
    row("serial", u"SERIAL"_s, u"\"c\" BIGINT UNSIGNED NOT NULL AUTOINCREMENT"_s);
}

void tst_MysqlIntrospector::columnFacts()
{
    QFETCH(QString, definition);
    QFETCH(QString, expected);
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    const Schema::Database model = introspectDdl(
        u"CREATE TABLE t (id INT NOT NULL PRIMARY KEY, c "_s + definition
        + u") DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(model.tables.size(), 1);
    const Schema::Column *c = model.tables.first().column(u"c"_s);
    QVERIFY(c);
    QCOMPARE(Schema::SchemaText::formatColumn(*c), expected);
}

void tst_MysqlIntrospector::tableFacts_data()
{
    // DDL (tables p and t) and the `retort inspect` block of table t.
    QTest::addColumn<QString>("ddl");
    QTest::addColumn<QString>("expected");
    const QString parent = u"CREATE TABLE p (id INT PRIMARY KEY, code INT NOT NULL, "
                           "UNIQUE KEY uq_code (code)) ENGINE=InnoDB;\n"_s;
    QTest::newRow("unique constraint and unique index with prefix")
        << u"CREATE TABLE t (a INT, b VARCHAR(20), UNIQUE KEY u1 (a, b), UNIQUE KEY u2 (b(5)))"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"a\" INT NULL\n  column \"b\" VARCHAR(20) NULL\n"
           "  unique \"u1\" (\"a\", \"b\")\n  index \"u2\" UNIQUE (\"b\"(5))"_s;
    QTest::newRow("column-level unique is named after the column")
        << u"CREATE TABLE t (a INT UNIQUE)"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"a\" INT NULL\n  unique \"a\" (\"a\")"_s;
    QTest::newRow("multi-column, desc and fulltext indexes")
        << u"CREATE TABLE t (a INT, b TEXT, KEY ix_ab (a, b(10)), KEY ix_d (a DESC), "
           "FULLTEXT KEY ft (b))"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"a\" INT NULL\n  column \"b\" TEXT NULL\n"
           "  index \"ft\" USING FULLTEXT (\"b\")\n  index \"ix_ab\" (\"a\", \"b\"(10))\n"
           "  index \"ix_d\" (\"a\" DESC)"_s;
    QTest::newRow("unnamed foreign key: InnoDB's index is left out")
        << parent + u"CREATE TABLE t (p_id INT, FOREIGN KEY (p_id) REFERENCES p (id))"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"p_id\" INT NULL\n"
           "  foreign key \"t_ibfk_1\" (\"p_id\") REFERENCES \"p\" (\"id\") ON DELETE RESTRICT "
           "ON UPDATE RESTRICT"_s;
    QTest::newRow("named foreign key: InnoDB's index is left out")
        << parent + u"CREATE TABLE t (p_code INT, CONSTRAINT fk_t FOREIGN KEY (p_code) "
                    "REFERENCES p (code) ON DELETE CASCADE ON UPDATE SET NULL)"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"p_code\" INT NULL\n"
           "  foreign key \"fk_t\" (\"p_code\") REFERENCES \"p\" (\"code\") ON DELETE CASCADE "
           "ON UPDATE SET NULL"_s;
    QTest::newRow("index left by a re-numbered generated key is left out")
        << parent + u"CREATE TABLE t (p_id INT, CONSTRAINT t_ibfk_2 FOREIGN KEY (p_id) "
                    "REFERENCES p (id));\nALTER TABLE t DROP FOREIGN KEY t_ibfk_2;\n"
                    "ALTER TABLE t ADD CONSTRAINT t_ibfk_1 FOREIGN KEY (p_id) REFERENCES p (id)"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"p_id\" INT NULL\n"
           "  foreign key \"t_ibfk_1\" (\"p_id\") REFERENCES \"p\" (\"id\") ON DELETE RESTRICT "
           "ON UPDATE RESTRICT"_s;
    QTest::newRow("index left by a dropped foreign key is the user's now")
        << parent + u"CREATE TABLE t (p_id INT, CONSTRAINT fk_t FOREIGN KEY (p_id) "
                    "REFERENCES p (id));\nALTER TABLE t DROP FOREIGN KEY fk_t"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"p_id\" INT NULL\n  index \"fk_t\" (\"p_id\")"_s;
    QTest::newRow("user's index under a foreign key is kept")
        << parent + u"CREATE TABLE t (p_id INT, KEY ix_t_p (p_id), CONSTRAINT fk_t FOREIGN KEY "
                    "(p_id) REFERENCES p (id) ON DELETE NO ACTION)"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"p_id\" INT NULL\n"
           "  foreign key \"fk_t\" (\"p_id\") REFERENCES \"p\" (\"id\") ON DELETE NO ACTION "
           "ON UPDATE RESTRICT\n  index \"ix_t_p\" (\"p_id\")"_s;
    QTest::newRow("composite self-referencing foreign key")
        << u"CREATE TABLE t (a INT, b INT, pa INT, pb INT, PRIMARY KEY (a, b), "
           "CONSTRAINT fk_self FOREIGN KEY (pa, pb) REFERENCES t (a, b))"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"a\" INT NOT NULL\n  column \"b\" INT NOT NULL\n"
           "  column \"pa\" INT NULL\n  column \"pb\" INT NULL\n  primary key (\"a\", \"b\")\n"
           "  foreign key \"fk_self\" (\"pa\", \"pb\") REFERENCES \"t\" (\"a\", \"b\") "
           "ON DELETE RESTRICT ON UPDATE RESTRICT"_s;
    QTest::newRow("checks: column-level named after the column, unnamed table-level numbered")
        << u"CREATE TABLE t (a INT CHECK (a > 0), b INT, CHECK (b < 10), "
           "CONSTRAINT ck_ab CHECK (a <> b))"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"a\" INT NULL\n  column \"b\" INT NULL\n"
           "  check \"CONSTRAINT_1\" (`b` < 10)\n  check \"a\" (`a` > 0)\n"
           "  check \"ck_ab\" (`a` <> `b`)"_s;
    QTest::newRow("engine and comment")
        << u"CREATE TABLE t (a INT) ENGINE=MyISAM COMMENT 'it''s t'"_s
        << u"table \"t\" ENGINE=MyISAM COMMENT \"it's t\"\n  column \"a\" INT NULL"_s;
    QTest::newRow("trigger")
        << u"CREATE TABLE t (a INT);\nCREATE TRIGGER tr_t BEFORE UPDATE ON t FOR EACH ROW "
           "SET NEW.a = NEW.a + 1"_s
        << u"table \"t\" ENGINE=InnoDB\n  column \"a\" INT NULL\n  trigger \"tr_t\""_s;
}

void tst_MysqlIntrospector::tableFacts()
{
    QFETCH(QString, ddl);
    QFETCH(QString, expected);
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    const Schema::Database model = introspectDdl(ddl);
    if (QTest::currentTestFailed())
        return;
    const Schema::Table *t = model.table(u"t"_s);
    QVERIFY(t);
    QCOMPARE(Schema::SchemaText::formatTable(*t), expected);
}

void tst_MysqlIntrospector::excludesRetortAndGlobTables()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    auto db = freshDatabase();
    QVERIFY(db);
    QCOMPARE(db->run(u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);"
                     "CREATE TABLE retort_history (id INT PRIMARY KEY);"
                     "CREATE TABLE my_versions (v INT); CREATE TABLE tmp_a (a INT);"
                     "CREATE TABLE TMP_B (a INT); CREATE TABLE keep (a INT);"
                     "CREATE VIEW tmp_view AS SELECT a FROM keep; CREATE VIEW v AS SELECT a FROM keep"_s),
             QString());
    IntrospectOptions options;
    options.tables.versionTable = u"my_versions"_s;
    options.tables.excludeTables = {u"tmp_*"_s};
    auto model = MysqlIntrospector::introspect(db->connection(), options);
    QVERIFY2(model, qPrintable(model ? QString() : model.error().toString()));
    QStringList tables;
    for (const Schema::Table &t : model->tables)
        tables << t.name;
    QCOMPARE(tables, (QStringList{u"alembic_version"_s, u"keep"_s}));
    QCOMPARE(model->views.size(), 1);
    QCOMPARE(model->views.first().name, u"v"_s);
    QCOMPARE(model->views.first().definition, u"select `keep`.`a` AS `a` from `keep`"_s);

    auto defaults = MysqlIntrospector::introspect(db->connection());
    QVERIFY(defaults);
    tables.clear();
    for (const Schema::Table &t : defaults->tables)
        tables << t.name;
    QCOMPARE(tables, (QStringList{u"TMP_B"_s, u"keep"_s, u"my_versions"_s, u"tmp_a"_s}));
}

void tst_MysqlIntrospector::readsAnotherDatabaseByName()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    auto db = freshDatabase();
    QVERIFY(db);
    QCOMPARE(db->run(u"CREATE TABLE only_here (a INT)"_s), QString());
    IntrospectOptions options;
    options.schema = db->name();
    auto model = MysqlIntrospector::introspect(db->admin(), options); // admin is in retort_test
    QVERIFY2(model, qPrintable(model ? QString() : model.error().toString()));
    QCOMPARE(model->schemaName, db->name());
    QCOMPARE(model->tables.size(), 1);
    QCOMPARE(model->tables.first().name, u"only_here"_s);

    options.schema = db->name() + u"_missing"_s;
    auto missing = MysqlIntrospector::introspect(db->admin(), options);
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.contains(u"does not exist"_s),
             qPrintable(missing.error().message));
}

void tst_MysqlIntrospector::failsWithoutDatabase()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    auto parsed = DatabaseUrl::parse(url);
    QVERIFY(parsed);
    parsed->database.clear();
    auto c = Connection::open(*parsed);
    QVERIFY2(c, qPrintable(c ? QString() : c.error().toString()));
    auto model = MysqlIntrospector::introspect(**c);
    QVERIFY(!model);
    QVERIFY2(model.error().message.contains(u"No database is selected"_s),
             qPrintable(model.error().message));
}

void tst_MysqlIntrospector::scratchIntrospectsModels()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    const QString ddl = readText(dataPath(u"rich.sql"_s));
    const Schema::Database direct = introspectDdl(ddl);
    if (QTest::currentTestFailed())
        return;
    auto target = freshDatabase();
    QVERIFY(target);
    const int before = databaseCount(target->admin(), scratchPattern);
    const QString name = MysqlScratch::uniqueDatabaseName();
    QVERIFY(name.startsWith(u"retort_scratch_"_s));
    QCOMPARE(name.size(), 15 + 12);
    auto model = MysqlScratch::introspectModels(target->connection(),
                                                {script(u"rich.sql"_s, ddl)},
                                                IntrospectOptions(), name);
    QVERIFY2(model, qPrintable(model ? QString() : model.error().toString()));
    QCOMPARE(model->schemaName, QString());
    QCOMPARE(model->toText(), direct.toText());
    QVERIFY(*model == direct);
    QCOMPARE(databaseCount(target->admin(), name), 0);
    QCOMPARE(databaseCount(target->admin(), scratchPattern), before);
    QCOMPARE(objectCount(target->connection()), 0); // nothing ran in the target
}

void tst_MysqlIntrospector::scratchDropsDatabaseWhenModelsFail_data()
{
    QTest::addColumn<QString>("second");   // text of the second models file
    QTest::addColumn<int>("line");         // line of the failing statement in it
    QTest::addColumn<QString>("message");  // part of the server's message
    QTest::newRow("unknown table") << u"CREATE TABLE b (x INT);\n\nCREATE INDEX ix ON nope (x);"_s
                                   << 3 << u"nope"_s;
    QTest::newRow("syntax error") << u"-- models\nCREATE TABLE b (x INT);\nCREATE TABLE c (y INT,);"_s
                                  << 3 << u"syntax"_s;
    QTest::newRow("duplicate table") << u"CREATE TABLE a (x INT);"_s << 1 << u"already exists"_s;
}

void tst_MysqlIntrospector::scratchDropsDatabaseWhenModelsFail()
{
    QFETCH(QString, second);
    QFETCH(int, line);
    QFETCH(QString, message);
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    auto target = freshDatabase();
    QVERIFY(target);
    const int before = databaseCount(target->admin(), scratchPattern);
    const QString name = MysqlScratch::uniqueDatabaseName();
    auto model = MysqlScratch::introspectModels(
        target->connection(),
        {script(u"first.sql"_s, u"CREATE TABLE a (x INT);"_s), script(u"second.sql"_s, second)},
        IntrospectOptions(), name);
    QVERIFY(!model);
    QCOMPARE(model.error().file, u"second.sql"_s);
    QCOMPARE(model.error().line, line);
    QVERIFY2(model.error().message.contains(message, Qt::CaseInsensitive),
             qPrintable(model.error().message));
    QVERIFY2(model.error().toString().startsWith(u"second.sql:%1: "_s.arg(line)),
             qPrintable(model.error().toString()));
    QCOMPARE(databaseCount(target->admin(), name), 0);
    QCOMPARE(databaseCount(target->admin(), scratchPattern), before);
}

void tst_MysqlIntrospector::scratchTakesCharsetOfTarget()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    const QString models = u"CREATE TABLE t (a VARCHAR(5) CHARACTER SET utf8mb4, "
                           "b VARCHAR(5) CHARACTER SET latin1)"_s;
    for (const QString &charset : {u"utf8mb4"_s, u"latin1"_s}) {
        auto target = freshDatabase();
        QVERIFY(target);
        QVERIFY(target->admin().exec(u"ALTER DATABASE `%1` CHARACTER SET %2"_s.arg(target->name(),
                                                                                 charset)));
        auto model = MysqlScratch::introspectModels(target->connection(),
                                                    {script(u"m.sql"_s, models)},
                                                    IntrospectOptions());
        QVERIFY2(model, qPrintable(model ? QString() : model.error().toString()));
        const Schema::Table *t = model->table(u"t"_s);
        QVERIFY(t);
        // The column in the database's own character set has the table's default collation.
        QCOMPARE(t->column(u"a"_s)->collation.isEmpty(), charset == u"utf8mb4"_s);
        QCOMPARE(t->column(u"b"_s)->collation.isEmpty(), charset == u"latin1"_s);
    }
}

void tst_MysqlIntrospector::devUrlDatabaseIsEmptiedAfterUse()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    auto dev = freshDatabase();
    QVERIFY(dev);
    const QString ddl = readText(dataPath(u"rich.sql"_s));
    const Schema::Database direct = introspectDdl(ddl);
    if (QTest::currentTestFailed())
        return;
    auto model = MysqlScratch::introspectModelsOnDev(dev->url(), {script(u"rich.sql"_s, ddl)},
                                                     IntrospectOptions());
    QVERIFY2(model, qPrintable(model ? QString() : model.error().toString()));
    QCOMPARE(model->toText(), direct.toText());
    QCOMPARE(objectCount(dev->connection()), 0);

    auto failed = MysqlScratch::introspectModelsOnDev(
        dev->url(), {script(u"bad.sql"_s, ddl + u"\nCREATE TABLE `user` (x INT);"_s)},
        IntrospectOptions());
    QVERIFY(!failed);
    QCOMPARE(failed.error().file, u"bad.sql"_s);
    QCOMPARE(objectCount(dev->connection()), 0);
}

void tst_MysqlIntrospector::devUrlDatabaseMustBeEmpty()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    auto dev = freshDatabase();
    QVERIFY(dev);
    QCOMPARE(dev->run(u"CREATE TABLE precious (a INT); INSERT INTO precious VALUES (1)"_s),
             QString());
    auto model = MysqlScratch::introspectModelsOnDev(
        dev->url(), {script(u"m.sql"_s, u"CREATE TABLE t (a INT)"_s)}, IntrospectOptions());
    QVERIFY(!model);
    QVERIFY2(model.error().message.contains(u"not empty"_s), qPrintable(model.error().message));
    const auto rows = dev->connection().select(u"SELECT a FROM precious"_s);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(objectCount(dev->connection()), 1);
}

void tst_MysqlIntrospector::devUrlWithoutDatabaseUsesScratchDatabase()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    auto server = DatabaseUrl::parse(url);
    QVERIFY(server);
    server->database.clear();
    auto admin = Connection::open(*server);
    QVERIFY(admin);
    const int before = databaseCount(**admin, scratchPattern);
    auto model = MysqlScratch::introspectModelsOnDev(
        *server, {script(u"m.sql"_s, u"CREATE TABLE t (a INT PRIMARY KEY)"_s)},
        IntrospectOptions());
    QVERIFY2(model, qPrintable(model ? QString() : model.error().toString()));
    QCOMPARE(model->tables.size(), 1);
    QCOMPARE(model->tables.first().primaryKey.columns, QStringList{u"a"_s});
    QCOMPARE(databaseCount(**admin, scratchPattern), before);
}

// Table i of the benchmark schema: 8 columns, an index, a unique constraint and a foreign key
// (to the table before it; the first one refers to itself).
static QString benchmarkTable(int i)
{
    const QString name = u"bench_%1"_s.arg(i, 4, 10, QChar(u'0'));
    const QString parent = u"bench_%1"_s.arg(i == 0 ? 0 : i - 1, 4, 10, QChar(u'0'));
    return u"CREATE TABLE %1 (id INT NOT NULL PRIMARY KEY, parent_id INT, code VARCHAR(20) NOT "
           "NULL, name VARCHAR(100) DEFAULT 'x', amount DECIMAL(10,2) NOT NULL DEFAULT 0, created "
           "DATETIME DEFAULT CURRENT_TIMESTAMP, active TINYINT(1) NOT NULL DEFAULT 1, note TEXT, "
           "UNIQUE KEY uq_%1_code (code), KEY ix_%1_name (name, amount), CONSTRAINT fk_%1_parent "
           "FOREIGN KEY (parent_id) REFERENCES %2 (id) ON DELETE SET NULL);"_s.arg(name, parent);
}

void tst_MysqlIntrospector::introspectsManyTablesQuickly()
{
    QString url;
    RETORT_REQUIRE_SERVER(SqlDialect::MySQL, url);
    // Creating InnoDB tables is what takes long (500: about 45 s to create and 17 s to drop on
    // the 2-core CI machine), so the default run uses 100; RETORT_MYSQL_BENCH_TABLES=500 measures
    // the number in the brief.
    const int count = qEnvironmentVariableIsSet("RETORT_MYSQL_BENCH_TABLES")
                          ? qEnvironmentVariableIntValue("RETORT_MYSQL_BENCH_TABLES")
                          : 100;
    auto db = freshDatabase();
    QVERIFY(db);
    QElapsedTimer timer;
    timer.start();
    QString batch;
    for (int i = 0; i < count; ++i) {
        batch += benchmarkTable(i);
        if (i % 50 == 49 || i == count - 1) {
            QVERIFY(db->connection().exec(batch)); // QMYSQL runs a batch as one round trip
            batch.clear();
        }
    }
    const qint64 createMs = timer.restart();
    auto model = MysqlIntrospector::introspect(db->connection());
    const qint64 introspectMs = timer.elapsed();
    QVERIFY2(model, qPrintable(model ? QString() : model.error().toString()));
    qInfo("MySQL introspection of %d tables: %lld ms (creating them took %lld ms)", count,
          introspectMs, createMs);
    QCOMPARE(model->tables.size(), count);
    const Schema::Table &last = model->tables.constLast();
    QCOMPARE(last.columns.size(), 8);
    QCOMPARE(last.uniqueConstraints.size(), 1);
    QCOMPARE(last.indexes.size(), 1); // InnoDB's index for the foreign key is left out
    QCOMPARE(last.foreignKeys.size(), 1);
    QCOMPARE(last.foreignKeys.first().onDelete, Schema::ReferentialAction::SetNull);
    // Timing is reported, not asserted (tests must not depend on the machine's speed): about
    // 1.4 ms per table measured (500 tables: 0.7 s), from a handful of whole-database queries.
}

QTEST_GUILESS_MAIN(tst_MysqlIntrospector)
#include "tst_mysqlintrospector.moc"

#include <engine/dialect/mysql/mysqldefaults.h>
#include <engine/dialect/mysql/mysqlsqltext.h>
#include <engine/dialect/mysql/mysqltypes.h>
#include <engine/dialect/typenormalizer.h>

#include <QTest>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

// The pure parts of the MySQL/MariaDB introspection: type spelling, default spelling, view text.
class tst_MysqlTypes : public QObject
{
    Q_OBJECT
private slots:
    void normalize_data();
    void normalize();
    void normalizeIsIdempotent_data() { normalize_data(); }
    void normalizeIsIdempotent();
    void agreesWithTypeNormalizer_data() { normalize_data(); }
    void agreesWithTypeNormalizer();
    void jsonValidCheck_data();
    void jsonValidCheck();
    void mariaDbDefault_data();
    void mariaDbDefault();
    void mySqlDefault_data();
    void mySqlDefault();
    void onUpdate_data();
    void onUpdate();
    void stripSchema_data();
    void stripSchema();
};

void tst_MysqlTypes::normalize_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");
    QTest::newRow("int(11)") << u"int(11)"_s << u"INT"_s;
    QTest::newRow("integer") << u"integer"_s << u"INT"_s;
    QTest::newRow("int unsigned") << u"int(10) unsigned"_s << u"INT UNSIGNED"_s;
    QTest::newRow("bigint(20) unsigned") << u"bigint(20) unsigned"_s << u"BIGINT UNSIGNED"_s;
    QTest::newRow("bigint no width") << u"BIGINT UNSIGNED"_s << u"BIGINT UNSIGNED"_s;
    QTest::newRow("smallint(6)") << u"smallint(6)"_s << u"SMALLINT"_s;
    QTest::newRow("mediumint(9)") << u"mediumint(9)"_s << u"MEDIUMINT"_s;
    QTest::newRow("tinyint(1) boolean") << u"tinyint(1)"_s << u"TINYINT(1)"_s;
    QTest::newRow("tinyint(4)") << u"tinyint(4)"_s << u"TINYINT"_s;
    QTest::newRow("tinyint(1) unsigned") << u"tinyint(1) unsigned"_s << u"TINYINT(1) UNSIGNED"_s;
    QTest::newRow("bool") << u"bool"_s << u"TINYINT(1)"_s;
    QTest::newRow("boolean") << u"BOOLEAN"_s << u"TINYINT(1)"_s;
    QTest::newRow("zerofill keeps width") << u"int(5) unsigned zerofill"_s
                                          << u"INT(5) UNSIGNED ZEROFILL"_s;
    QTest::newRow("zerofill implies unsigned") << u"int(5) zerofill"_s
                                               << u"INT(5) UNSIGNED ZEROFILL"_s;
    QTest::newRow("serial") << u"serial"_s << u"BIGINT UNSIGNED"_s;
    QTest::newRow("varchar") << u"varchar(255)"_s << u"VARCHAR(255)"_s;
    QTest::newRow("character varying") << u"character varying(20)"_s << u"VARCHAR(20)"_s;
    QTest::newRow("char(3)") << u"char(3)"_s << u"CHAR(3)"_s;
    QTest::newRow("char") << u"char"_s << u"CHAR(1)"_s;
    QTest::newRow("binary(4)") << u"binary(4)"_s << u"BINARY(4)"_s;
    QTest::newRow("varbinary") << u"varbinary(8)"_s << u"VARBINARY(8)"_s;
    QTest::newRow("bit(8)") << u"bit(8)"_s << u"BIT(8)"_s;
    QTest::newRow("bit") << u"bit"_s << u"BIT(1)"_s;
    QTest::newRow("decimal(10,2)") << u"decimal(10,2)"_s << u"DECIMAL(10,2)"_s;
    QTest::newRow("decimal spaces") << u"decimal( 10 , 2 )"_s << u"DECIMAL(10,2)"_s;
    QTest::newRow("decimal") << u"decimal"_s << u"DECIMAL(10,0)"_s;
    QTest::newRow("decimal(5)") << u"decimal(5)"_s << u"DECIMAL(5,0)"_s;
    QTest::newRow("numeric") << u"numeric(5,1)"_s << u"DECIMAL(5,1)"_s;
    QTest::newRow("decimal unsigned") << u"decimal(8,3) unsigned"_s << u"DECIMAL(8,3) UNSIGNED"_s;
    QTest::newRow("double") << u"double"_s << u"DOUBLE"_s;
    QTest::newRow("double precision") << u"double precision"_s << u"DOUBLE"_s;
    QTest::newRow("real") << u"real"_s << u"DOUBLE"_s;
    QTest::newRow("double(10,2)") << u"double(10,2)"_s << u"DOUBLE(10,2)"_s;
    QTest::newRow("float") << u"float"_s << u"FLOAT"_s;
    QTest::newRow("float(7,3)") << u"float(7,3)"_s << u"FLOAT(7,3)"_s;
    QTest::newRow("datetime") << u"datetime"_s << u"DATETIME"_s;
    QTest::newRow("datetime(6)") << u"datetime(6)"_s << u"DATETIME(6)"_s;
    QTest::newRow("timestamp") << u"timestamp"_s << u"TIMESTAMP"_s;
    QTest::newRow("timestamp(3)") << u"timestamp(3)"_s << u"TIMESTAMP(3)"_s;
    QTest::newRow("date") << u"date"_s << u"DATE"_s;
    QTest::newRow("time(2)") << u"time(2)"_s << u"TIME(2)"_s;
    QTest::newRow("year(4)") << u"year(4)"_s << u"YEAR"_s;
    QTest::newRow("year") << u"year"_s << u"YEAR"_s;
    QTest::newRow("tinytext") << u"tinytext"_s << u"TINYTEXT"_s;
    QTest::newRow("text") << u"text"_s << u"TEXT"_s;
    QTest::newRow("mediumtext") << u"mediumtext"_s << u"MEDIUMTEXT"_s;
    QTest::newRow("longtext") << u"longtext"_s << u"LONGTEXT"_s;
    QTest::newRow("tinyblob") << u"tinyblob"_s << u"TINYBLOB"_s;
    QTest::newRow("blob") << u"blob"_s << u"BLOB"_s;
    QTest::newRow("mediumblob") << u"mediumblob"_s << u"MEDIUMBLOB"_s;
    QTest::newRow("longblob") << u"longblob"_s << u"LONGBLOB"_s;
    QTest::newRow("json") << u"json"_s << u"JSON"_s;
    QTest::newRow("enum keeps value case") << u"enum('a','B','it''s')"_s
                                           << u"ENUM('a','B','it''s')"_s;
    QTest::newRow("enum spaces") << u"ENUM( 'x y' , 'z' )"_s << u"ENUM('x y','z')"_s;
    QTest::newRow("enum with parens in value") << u"enum('a(b',')')"_s << u"ENUM('a(b',')')"_s;
    QTest::newRow("set") << u"set('x','y')"_s << u"SET('x','y')"_s;
    QTest::newRow("geometry") << u"point"_s << u"POINT"_s;
}

void tst_MysqlTypes::normalize()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(MysqlTypes::normalize(raw), expected);
    const Schema::ColumnType type = MysqlTypes::columnType(raw);
    QCOMPARE(type.raw, raw);
    QCOMPARE(type.normalized, expected);
}

void tst_MysqlTypes::normalizeIsIdempotent()
{
    QFETCH(QString, expected);
    QCOMPARE(MysqlTypes::normalize(expected), expected);
}

// The dialect-wide TypeNormalizer (engine/dialect) must spell MySQL types as the introspector
// does, or a type written in DDL and the same type read back would compare different.
void tst_MysqlTypes::agreesWithTypeNormalizer()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(TypeNormalizer(SqlDialect::MySQL).normalize(raw), expected);
}

void tst_MysqlTypes::jsonValidCheck_data()
{
    QTest::addColumn<QString>("clause");
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("expected");
    QTest::newRow("mariadb") << u"json_valid(`js`)"_s << u"js"_s << true;
    QTest::newRow("upper case") << u"JSON_VALID(`js`)"_s << u"js"_s << true;
    QTest::newRow("other column") << u"json_valid(`other`)"_s << u"js"_s << false;
    QTest::newRow("other check") << u"`js` <> ''"_s << u"js"_s << false;
    QTest::newRow("json_valid and more") << u"json_valid(`js`) and `js` <> ''"_s << u"js"_s
                                         << false;
    QTest::newRow("quoted name") << u"json_valid(`a``b`)"_s << u"a`b"_s << true;
}

void tst_MysqlTypes::jsonValidCheck()
{
    QFETCH(QString, clause);
    QFETCH(QString, column);
    QFETCH(bool, expected);
    QCOMPARE(MysqlTypes::isJsonValidCheck(clause, column), expected);
}

void tst_MysqlTypes::mariaDbDefault_data()
{
    QTest::addColumn<QVariant>("columnDefault");
    QTest::addColumn<QVariant>("expected"); // invalid QVariant = no default
    QTest::newRow("sql null: none") << QVariant() << QVariant();
    QTest::newRow("text NULL: DEFAULT NULL is none") << QVariant(u"NULL"_s) << QVariant();
    QTest::newRow("string") << QVariant(u"'abc'"_s) << QVariant(u"'abc'"_s);
    QTest::newRow("string NULL") << QVariant(u"'NULL'"_s) << QVariant(u"'NULL'"_s);
    QTest::newRow("empty string") << QVariant(u"''"_s) << QVariant(u"''"_s);
    QTest::newRow("number") << QVariant(u"1.50"_s) << QVariant(u"1.50"_s);
    QTest::newRow("negative") << QVariant(u"-1"_s) << QVariant(u"-1"_s);
    QTest::newRow("current_timestamp()") << QVariant(u"current_timestamp()"_s)
                                         << QVariant(u"current_timestamp()"_s);
    QTest::newRow("current_timestamp(3)") << QVariant(u"current_timestamp(3)"_s)
                                          << QVariant(u"current_timestamp(3)"_s);
    QTest::newRow("expression") << QVariant(u"(1 + 2)"_s) << QVariant(u"(1 + 2)"_s);
    QTest::newRow("bit") << QVariant(u"b'101'"_s) << QVariant(u"b'101'"_s);
}

void tst_MysqlTypes::mariaDbDefault()
{
    QFETCH(QVariant, columnDefault);
    QFETCH(QVariant, expected);
    const std::optional<QString> d = MysqlDefaults::fromMariaDb(columnDefault);
    QCOMPARE(d.has_value(), expected.isValid());
    if (d)
        QCOMPARE(*d, expected.toString());
}

void tst_MysqlTypes::mySqlDefault_data()
{
    QTest::addColumn<QVariant>("columnDefault");
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("extra");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("none") << QVariant() << u"varchar"_s << QString() << QVariant();
    QTest::newRow("string quoted") << QVariant(u"abc"_s) << u"varchar"_s << QString()
                                   << QVariant(u"'abc'"_s);
    QTest::newRow("quote doubled") << QVariant(u"it's"_s) << u"varchar"_s << QString()
                                   << QVariant(u"'it''s'"_s);
    QTest::newRow("text NULL is a string") << QVariant(u"NULL"_s) << u"varchar"_s << QString()
                                           << QVariant(u"'NULL'"_s);
    QTest::newRow("date quoted") << QVariant(u"2020-01-01"_s) << u"date"_s << QString()
                                 << QVariant(u"'2020-01-01'"_s);
    QTest::newRow("number") << QVariant(u"1.50"_s) << u"decimal"_s << QString()
                            << QVariant(u"1.50"_s);
    QTest::newRow("bit") << QVariant(u"b'101'"_s) << u"bit"_s << QString()
                         << QVariant(u"b'101'"_s);
    QTest::newRow("current_timestamp") << QVariant(u"CURRENT_TIMESTAMP"_s) << u"timestamp"_s
                                       << u"DEFAULT_GENERATED"_s
                                       << QVariant(u"current_timestamp()"_s);
    QTest::newRow("expression") << QVariant(u"(1 + 2)"_s) << u"int"_s << u"DEFAULT_GENERATED"_s
                                << QVariant(u"(1 + 2)"_s);
    QTest::newRow("bare expression") << QVariant(u"rand()"_s) << u"double"_s
                                     << u"DEFAULT_GENERATED"_s << QVariant(u"(rand())"_s);
}

void tst_MysqlTypes::mySqlDefault()
{
    QFETCH(QVariant, columnDefault);
    QFETCH(QString, dataType);
    QFETCH(QString, extra);
    QFETCH(QVariant, expected);
    const std::optional<QString> d = MysqlDefaults::fromMySql(columnDefault, dataType, extra);
    QCOMPARE(d.has_value(), expected.isValid());
    if (d)
        QCOMPARE(*d, expected.toString());
}

void tst_MysqlTypes::onUpdate_data()
{
    QTest::addColumn<QString>("extra");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << QString() << QString();
    QTest::newRow("auto_increment") << u"auto_increment"_s << QString();
    QTest::newRow("mariadb") << u"on update current_timestamp()"_s << u"current_timestamp()"_s;
    QTest::newRow("mariadb fsp") << u"on update current_timestamp(3)"_s
                                 << u"current_timestamp(3)"_s;
    QTest::newRow("mysql") << u"DEFAULT_GENERATED on update CURRENT_TIMESTAMP"_s
                           << u"current_timestamp()"_s;
    QTest::newRow("mysql fsp") << u"on update CURRENT_TIMESTAMP(6)"_s
                               << u"current_timestamp(6)"_s;
}

void tst_MysqlTypes::onUpdate()
{
    QFETCH(QString, extra);
    QFETCH(QString, expected);
    QCOMPARE(MysqlDefaults::onUpdate(extra), expected);
}

void tst_MysqlTypes::stripSchema_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("expected");
    QTest::newRow("columns and tables")
        << u"select `x1`.`user`.`id` AS `id` from `x1`.`user` where `x1`.`user`.`age` > 10"_s
        << u"x1"_s << u"select `user`.`id` AS `id` from `user` where `user`.`age` > 10"_s;
    QTest::newRow("string literal kept") << u"select 'x1.' AS `lit`, '`x1`.' AS `b`"_s << u"x1"_s
                                         << u"select 'x1.' AS `lit`, '`x1`.' AS `b`"_s;
    QTest::newRow("other schema kept") << u"select `x2`.`t`.`a` from `x2`.`t`"_s << u"x1"_s
                                       << u"select `x2`.`t`.`a` from `x2`.`t`"_s;
    QTest::newRow("prefix of a longer name kept") << u"select `x10`.`t`.`a` from `x10`.`t`"_s
                                                  << u"x1"_s
                                                  << u"select `x10`.`t`.`a` from `x10`.`t`"_s;
    QTest::newRow("backquote in schema name") << u"select `a``b`.`t`.`c` from `a``b`.`t`"_s
                                              << u"a`b"_s << u"select `t`.`c` from `t`"_s;
    QTest::newRow("identifier equal to schema") << u"select `t`.`x1` from `x1`.`t`"_s << u"x1"_s
                                                << u"select `t`.`x1` from `t`"_s;
}

void tst_MysqlTypes::stripSchema()
{
    QFETCH(QString, sql);
    QFETCH(QString, schema);
    QFETCH(QString, expected);
    QCOMPARE(MysqlSqlText::stripSchema(sql, schema), expected);
}

QTEST_GUILESS_MAIN(tst_MysqlTypes)
#include "tst_mysqltypes.moc"

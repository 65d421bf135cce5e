#include <engine/dialect/mysql/mysqlmodelsfilter.h>
#include <engine/dialect/postgres/postgresmodelsfilter.h>
#include <engine/sql/statementsplitter.h>

#include <QTest>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

// The checks that keep the models inside the scratch database (issue #14, points 2 and 3):
// each statement is run, skipped, rewritten or refused with its line, before anything runs.
class tst_ModelsFilter : public QObject
{
    Q_OBJECT
private slots:
    void mysql_data();
    void mysql();
    void postgres_data();
    void postgres();
};

// The last statement of `sql` (earlier lines only move it down, to test the line reported).
static Statement lastStatement(const QString &sql, SqlDialect dialect)
{
    const Result<StatementList> list = StatementSplitter::split(sql, dialect);
    return list && !list->isEmpty() ? list->constLast() : Statement{};
}

void tst_ModelsFilter::mysql_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected"); // "run", "skip", or "refused:<line>:<text in message>"
    const auto row = [](const char *name, const QString &sql, const QString &expected) {
        QTest::newRow(name) << sql << expected;
    };
    row("create table", u"CREATE TABLE users (id INT PRIMARY KEY)"_s, u"run"_s);
    row("create table backticks", u"CREATE TABLE IF NOT EXISTS `users` (`id` int)"_s, u"run"_s);
    row("table.column in a view", u"CREATE VIEW v AS SELECT users.id FROM users"_s, u"run"_s);
    row("create index", u"CREATE UNIQUE INDEX ix ON users (name)"_s, u"run"_s);
    row("create trigger", u"CREATE DEFINER=`root`@`localhost` TRIGGER tr BEFORE INSERT ON t "
                          "FOR EACH ROW SET NEW.a = 1"_s, u"run"_s);
    row("mysqldump view", u"/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`localhost` "
                          "SQL SECURITY DEFINER */\n/*!50001 VIEW `v` AS select 1 AS `id` */"_s, u"run"_s);
    row("mysqldump trigger", u"/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 "
                             "TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1 */"_s, u"run"_s);
    row("alter table", u"ALTER TABLE users ADD COLUMN age INT"_s, u"run"_s);
    row("drop table if exists", u"DROP TABLE IF EXISTS `users`"_s, u"run"_s);
    row("set names", u"/*!40101 SET NAMES utf8mb4 */"_s, u"run"_s);
    row("set saved", u"/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */"_s, u"run"_s);
    row("set fk checks", u"SET FOREIGN_KEY_CHECKS=0"_s, u"run"_s);
    row("set session", u"SET SESSION sql_mode = 'ANSI_QUOTES', @@session.time_zone = '+00:00'"_s, u"run"_s);
    row("begin", u"BEGIN"_s, u"skip"_s);
    row("commit", u"COMMIT"_s, u"skip"_s);
    row("comment only", u"/*!99999 */"_s, u"skip"_s);
    // MariaDB runs "/*M!<version> ... */" from that version on (the splitter drops one at either end of a statement).
    row("mariadb-dump sandbox", u"SET NAMES utf8mb4 /*M!999999\\- enable the sandbox mode */, @a = 1"_s, u"run"_s);
    row("executable for this version", u"SET NAMES utf8mb4 /*M!100000 , GLOBAL general_log = 1 */, @a = 1"_s,
        u"refused:1:GLOBAL"_s);
    row("use", u"CREATE TABLE a (id INT);\n\nUSE shop"_s, u"refused:3:USE"_s);
    row("use in executable comment", u"\n/*!40101 USE `shop` */"_s, u"refused:2:USE"_s);
    row("qualified create", u"CREATE TABLE shop.users (id INT)"_s, u"refused:1:'shop'"_s);
    row("qualified unknown database", u"CREATE TABLE elsewhere.users (id INT)"_s, u"refused:1:'elsewhere'"_s);
    row("qualified backticks", u"CREATE TABLE `shop`.`users` (id INT)"_s, u"refused:1:'shop'"_s);
    row("ansi quotes", u"CREATE TABLE \"shop\".\"users\" (id INT)"_s, u"refused:1:'shop'"_s);
    row("qualified drop", u"DROP TABLE IF EXISTS shop.users"_s, u"refused:1:'shop'"_s);
    row("rename into target", u"ALTER TABLE a\n  RENAME TO shop.a"_s, u"refused:2:'shop'"_s);
    row("reference to target", u"CREATE TABLE c (p INT,\n FOREIGN KEY (p) REFERENCES Shop.p (id))"_s,
        u"refused:2:'Shop'"_s);
    row("view reads target", u"CREATE VIEW v AS SELECT * FROM shop.users"_s, u"refused:1:'shop'"_s);
    row("three part name", u"CREATE VIEW v AS SELECT other.users.id FROM other.users"_s, u"refused:1:'other'"_s);
    row("insert", u"INSERT INTO users VALUES (1)"_s, u"refused:1:INSERT"_s);
    row("misspelt create", u"CREATE TABEL c (y INT)"_s, u"refused:1:CREATE TABEL is refused"_s);
    row("rename table", u"RENAME TABLE a TO b"_s, u"refused:1:RENAME"_s);
    row("create database", u"CREATE DATABASE x"_s, u"refused:1:CREATE DATABASE"_s);
    row("create function", u"CREATE DEFINER=root FUNCTION f() RETURNS INT RETURN 1"_s, u"refused:1:CREATE FUNCTION"_s);
    row("create event", u"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t"_s, u"refused:1:CREATE EVENT"_s);
    row("drop database", u"DROP DATABASE shop"_s, u"refused:1:DROP DATABASE"_s);
    row("alter user", u"ALTER USER root IDENTIFIED BY 'x'"_s, u"refused:1:ALTER USER"_s);
    row("select into outfile", u"SELECT 1 INTO OUTFILE '/tmp/x'"_s, u"refused:1:SELECT"_s);
    row("begin not atomic", u"BEGIN NOT ATOMIC SELECT 1; END"_s, u"refused:1:BEGIN"_s);
    row("set global", u"SET GLOBAL max_connections = 10"_s, u"refused:1:GLOBAL"_s);
    row("set @@global", u"SET @@global.max_connections = 10"_s, u"refused:1:GLOBAL"_s);
    row("set second global", u"SET sql_mode = '', GLOBAL general_log = 1"_s, u"refused:1:GLOBAL"_s);
    row("set password", u"SET PASSWORD = PASSWORD('x')"_s, u"refused:1:PASSWORD"_s);
    row("set default role", u"SET DEFAULT ROLE r FOR u"_s, u"refused:1:DEFAULT"_s);
    row("set statement", u"SET STATEMENT max_statement_time=1 FOR INSERT INTO t VALUES (1)"_s, u"refused:1:STATEMENT"_s);
}

void tst_ModelsFilter::mysql()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    const Statement statement = lastStatement(sql, SqlDialect::MySQL);
    QVERIFY(!statement.text.isEmpty());
    const Result<MysqlModelsFilter::Action> action =
        MysqlModelsFilter::check(statement, {u"shop"_s, u"other"_s, u"mysql"_s}, 101119);
    if (expected.startsWith(u"refused:"_s)) {
        QVERIFY2(!action, qPrintable(sql));
        QCOMPARE(action.error().kind, Error::Kind::Script);
        QCOMPARE(QString::number(action.error().line), expected.section(u':', 1, 1));
        QVERIFY2(action.error().message.contains(expected.section(u':', 2)),
                 qPrintable(action.error().message));
        return;
    }
    QVERIFY2(action, qPrintable(action ? QString() : action.error().toString()));
    QCOMPARE(*action == MysqlModelsFilter::Action::Run ? u"run"_s : u"skip"_s, expected);
}

void tst_ModelsFilter::postgres_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected"); // the text to run, "skip", or "refused:<line>:<text>"
    const auto row = [](const char *name, const QString &sql, const QString &expected) {
        QTest::newRow(name) << sql << expected;
    };
    row("plain", u"CREATE TABLE users (id int)"_s, u"CREATE TABLE users (id int)"_s);
    row("target qualified", u"CREATE TABLE public.users (id int)"_s, u"CREATE TABLE users (id int)"_s);
    row("quoted target", u"CREATE TABLE \"public\".\"Users\" (id int)"_s, u"CREATE TABLE \"Users\" (id int)"_s);
    row("column of a table", u"CREATE VIEW public.v AS SELECT users.id FROM public.users"_s,
        u"CREATE VIEW v AS SELECT users.id FROM users"_s);
    row("three parts", u"ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id"_s,
        u"ALTER SEQUENCE users_id_seq OWNED BY users.id"_s);
    row("regclass", u"ALTER TABLE ONLY public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass)"_s,
        u"ALTER TABLE ONLY users ALTER COLUMN id SET DEFAULT nextval('users_id_seq'::regclass)"_s);
    row("pg_catalog kept", u"CREATE TABLE t (a pg_catalog.int4 DEFAULT pg_catalog.now())"_s,
        u"CREATE TABLE t (a pg_catalog.int4 DEFAULT pg_catalog.now())"_s);
    row("identity", u"ALTER TABLE public.items ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (\n"
                    "    SEQUENCE NAME public.items_id_seq START WITH 1)"_s,
        u"ALTER TABLE items ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (\n"
        "    SEQUENCE NAME items_id_seq START WITH 1)"_s);
    row("comment", u"COMMENT ON COLUMN public.users.name IS 'public.users'"_s,
        u"COMMENT ON COLUMN users.name IS 'public.users'"_s);
    row("do", u"DO $$ BEGIN PERFORM 1; END $$"_s, u"DO $$ BEGIN PERFORM 1; END $$"_s);
    row("set other", u"SET client_min_messages = warning"_s, u"SET client_min_messages = warning"_s);
    row("pg_dump search_path", u"SELECT pg_catalog.set_config('search_path', '', false)"_s, u"skip"_s);
    row("set_config target", u"SELECT set_config('search_path', '\"$user\", public', true)"_s, u"skip"_s);
    row("set search_path target", u"SET search_path = public, pg_catalog"_s, u"skip"_s);
    row("set search_path default", u"SET LOCAL search_path TO DEFAULT"_s, u"skip"_s);
    row("reset search_path", u"RESET search_path"_s, u"skip"_s);
    row("owner", u"ALTER TABLE public.users OWNER TO postgres"_s, u"skip"_s);
    row("grant", u"GRANT SELECT ON TABLE public.users TO reader"_s, u"skip"_s);
    row("comment on target schema", u"COMMENT ON SCHEMA public IS 'standard public schema'"_s, u"skip"_s);
    row("begin", u"BEGIN"_s, u"skip"_s);
    row("other schema", u"CREATE TABLE t (id int);\nCREATE TABLE audit.t (id int)"_s, u"refused:2:'audit'"_s);
    row("other schema reference", u"CREATE TABLE t (id int\n REFERENCES audit.p (id))"_s, u"refused:2:'audit'"_s);
    row("other schema regclass", u"CREATE TABLE t (id int DEFAULT nextval('audit.s'::regclass))"_s, u"refused:1:'audit'"_s);
    row("search_path other", u"\nSET search_path = audit, public"_s, u"refused:2:'audit'"_s);
    row("set_config other", u"SELECT pg_catalog.set_config('search_path', 'audit', false)"_s, u"refused:1:'audit'"_s);
    row("create schema", u"CREATE SCHEMA audit"_s, u"refused:1:CREATE SCHEMA"_s);
    row("create target schema", u"CREATE SCHEMA public"_s, u"skip"_s);
    row("create target schema with elements", u"CREATE SCHEMA public CREATE TABLE t (id int)"_s,
        u"refused:1:CREATE SCHEMA"_s);
    row("alter schema", u"ALTER SCHEMA public RENAME TO x"_s, u"refused:1:ALTER SCHEMA"_s);
    row("set schema", u"ALTER TABLE users SET SCHEMA public"_s, u"refused:1:SET SCHEMA"_s);
    row("comment other schema", u"COMMENT ON SCHEMA audit IS 'x'"_s, u"refused:1:'audit'"_s);
    row("extension elsewhere", u"CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA audit"_s, u"refused:1:'audit'"_s);
    row("drop", u"DROP TABLE users"_s, u"refused:1:DROP"_s);
    row("insert", u"INSERT INTO users VALUES (1)"_s, u"refused:1:INSERT"_s);
    row("select", u"SELECT setval('public.users_id_seq', 500)"_s, u"refused:1:SELECT"_s);
    row("rollback", u"ROLLBACK"_s, u"refused:1:ROLLBACK"_s);
    row("reset all", u"RESET ALL"_s, u"skip"_s);
    // pg_dump 15.14 and later: psql meta-commands, which the server must not see.
    row("psql restrict", u"\\restrict abc123\nSET statement_timeout = 0"_s, u"SET statement_timeout = 0"_s);
    row("psql unrestrict alone", u"CREATE TABLE t (id int);\n\\unrestrict abc123\n"_s, u"skip"_s);
}

void tst_ModelsFilter::postgres()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    const Statement statement = lastStatement(sql, SqlDialect::PostgreSQL);
    QVERIFY(!statement.text.isEmpty());
    const Result<std::optional<QString>> text =
        PostgresModelsFilter::prepare(statement, u"public"_s, {u"audit"_s, u"pg_toast"_s});
    if (expected.startsWith(u"refused:"_s)) {
        QVERIFY2(!text, qPrintable(sql));
        QCOMPARE(text.error().kind, Error::Kind::Script);
        QCOMPARE(QString::number(text.error().line), expected.section(u':', 1, 1));
        QVERIFY2(text.error().message.contains(expected.section(u':', 2)),
                 qPrintable(text.error().message));
        return;
    }
    QVERIFY2(text, qPrintable(text ? QString() : text.error().toString()));
    QCOMPARE(text->value_or(u"skip"_s), expected);
}

QTEST_GUILESS_MAIN(tst_ModelsFilter)
#include "tst_modelsfilter.moc"

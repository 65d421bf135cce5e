#include "mysqlintrospector.h"

#include "mysqldefaults.h"
#include "mysqlkeyreader.h"
#include "mysqlsqltext.h"
#include "mysqltypes.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

struct Server
{
    QString schema;
    bool mariaDb = true;
    int major = 0; // MySQL's major.minor*100+patch style: 80032 for 8.0.32
    bool hasIndexExpressions() const { return !mariaDb && major >= 80013; }
    bool hasCheckConstraints() const { return mariaDb || major >= 80016; }
};

Result<Server> readServer(Connection &connection, const IntrospectOptions &options)
{
    const auto rows = connection.select(u"SELECT DATABASE(), VERSION()"_s);
    if (!rows)
        return rows.error();
    Server server;
    const QVariantList &row = rows->constFirst();
    server.schema = options.schema.isEmpty() ? row.at(0).toString() : options.schema;
    const QString version = row.at(1).toString();
    server.mariaDb = version.contains(u"MariaDB"_s, Qt::CaseInsensitive);
    static const QRegularExpression re(u"^(\\d+)\\.(\\d+)\\.(\\d+)"_s);
    const QRegularExpressionMatch m = re.match(version);
    if (m.hasMatch())
        server.major = m.captured(1).toInt() * 10000 + m.captured(2).toInt() * 100
                       + m.captured(3).toInt();
    if (server.schema.isEmpty())
        return Error(Error::Kind::Database,
                     Tr::tr("No database is selected on %1: put one in the URL.")
                         .arg(connection.url().toDisplayString()));
    const auto exists = connection.select(
        u"SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?"_s, {server.schema});
    if (!exists)
        return exists.error();
    if (exists->isEmpty())
        return Error(Error::Kind::Database,
                     Tr::tr("The database %1 does not exist on %2.")
                         .arg(server.schema, connection.url().toDisplayString()));
    return server;
}

struct Context
{
    Connection &connection;
    const Server &server;
    const IntrospectOptions &options;

    Result<QList<QVariantList>> select(const QString &sql) const
    {
        return connection.select(sql, {server.schema});
    }
};

enum ColumnsColumn { CoTable, CoName, CoType, CoDataType, CoNullable, CoDefault, CoExtra,
                     CoCollation, CoGeneration, CoComment };

Schema::Column readColumn(const QVariantList &row, const Server &server,
                          const QString &tableCollation)
{
    Schema::Column c;
    c.name = row.at(CoName).toString();
    c.type = MysqlTypes::columnType(row.at(CoType).toString());
    c.nullable = row.at(CoNullable).toString() == u"YES"_s;
    const QString extra = row.at(CoExtra).toString();
    c.defaultExpression = server.mariaDb
                              ? MysqlDefaults::fromMariaDb(row.at(CoDefault))
                              : MysqlDefaults::fromMySql(row.at(CoDefault),
                                                         row.at(CoDataType).toString(), extra);
    if (extra.contains(u"auto_increment"_s, Qt::CaseInsensitive))
        c.identity = Schema::Identity::AutoIncrement;
    if (extra.contains(u"VIRTUAL GENERATED"_s, Qt::CaseInsensitive)) {
        c.generated = Schema::Generated::Virtual;
    } else if (extra.contains(u"STORED GENERATED"_s, Qt::CaseInsensitive)
               || extra.contains(u"PERSISTENT GENERATED"_s, Qt::CaseInsensitive)) {
        c.generated = Schema::Generated::Stored;
    }
    if (c.generated != Schema::Generated::None) {
        c.generationExpression = MysqlSqlText::stripSchema(row.at(CoGeneration).toString(),
                                                           server.schema);
        c.defaultExpression.reset();
    }
    c.onUpdate = MysqlDefaults::onUpdate(extra);
    const QString collation = row.at(CoCollation).toString();
    if (collation != tableCollation)
        c.collation = collation;
    c.comment = row.at(CoComment).toString();
    return c;
}

// Tables and views by name; the collation of each table, which its columns' collations are
// measured against.
Result<> readTables(const Context &cx, MysqlKeyReader::TableMap &tables,
                    QHash<QString, QString> &collations, QStringList &views)
{
    const auto rows = cx.select(
        u"SELECT TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_COMMENT, TABLE_COLLATION "
        "FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"_s);
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        const QString name = row.at(0).toString();
        const QString type = row.at(1).toString();
        if (cx.options.tables.isExcluded(name))
            continue;
        if (type == u"VIEW"_s) {
            views.append(name);
        } else if (type == u"BASE TABLE"_s || type == u"SYSTEM VERSIONED"_s) {
            Schema::Table table;
            table.name = name;
            table.engine = row.at(2).toString();
            table.comment = row.at(3).toString();
            tables.insert(name, table);
            collations.insert(name, row.at(4).toString());
        }
    }
    return {};
}

Result<> readColumns(const Context &cx, MysqlKeyReader::TableMap &tables,
                     const QHash<QString, QString> &collations)
{
    const auto rows = cx.select(
        u"SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, "
        "EXTRA, COLLATION_NAME, GENERATION_EXPRESSION, COLUMN_COMMENT "
        "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY ORDINAL_POSITION"_s);
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        const QString tableName = row.at(CoTable).toString();
        const auto table = tables.find(tableName);
        if (table != tables.end())
            table->columns.append(readColumn(row, cx.server, collations.value(tableName)));
    }
    return {};
}

Result<> readKeys(const Context &cx, MysqlKeyReader::TableMap &tables)
{
    const QString expression = cx.server.hasIndexExpressions() ? u"EXPRESSION"_s : u"NULL"_s;
    const auto indexes = cx.select(
        u"SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, COLLATION, "
        "SUB_PART, INDEX_TYPE, "_s
        + expression + u" FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ?"_s);
    if (!indexes)
        return indexes.error();
    MysqlKeyReader::addIndexes(tables, *indexes);
    const auto keyColumns = cx.select(
        u"SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_SCHEMA, "
        "REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, ORDINAL_POSITION "
        "FROM information_schema.KEY_COLUMN_USAGE "
        "WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL"_s);
    if (!keyColumns)
        return keyColumns.error();
    const auto rules = cx.select(
        u"SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE "
        "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?"_s);
    if (!rules)
        return rules.error();
    MysqlKeyReader::addForeignKeys(tables, *keyColumns, *rules, cx.server.schema);
    return {};
}

Result<> readChecks(const Context &cx, MysqlKeyReader::TableMap &tables)
{
    if (!cx.server.hasCheckConstraints())
        return {};
    // MySQL's CHECK_CONSTRAINTS has no table name (check names are unique per database there);
    // MariaDB's has, and needs it: a column-level check is named after its column.
    const QString sql = cx.server.mariaDb
                            ? u"SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE "
                              "FROM information_schema.CHECK_CONSTRAINTS "
                              "WHERE CONSTRAINT_SCHEMA = ?"_s
                            : u"SELECT t.TABLE_NAME, c.CONSTRAINT_NAME, c.CHECK_CLAUSE "
                              "FROM information_schema.CHECK_CONSTRAINTS c "
                              "JOIN information_schema.TABLE_CONSTRAINTS t "
                              "ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA "
                              "AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME "
                              "AND t.CONSTRAINT_TYPE = 'CHECK' "
                              "WHERE c.CONSTRAINT_SCHEMA = ?"_s;
    const auto rows = cx.select(sql);
    if (!rows)
        return rows.error();
    QList<QVariantList> checks = *rows;
    for (QVariantList &row : checks)
        row[2] = MysqlSqlText::stripSchema(row.at(2).toString(), cx.server.schema);
    MysqlKeyReader::addChecks(tables, checks);
    return {};
}

Result<> readTriggers(const Context &cx, MysqlKeyReader::TableMap &tables)
{
    const auto rows = cx.select(
        u"SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, "
        "ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? "
        "ORDER BY ACTION_ORDER"_s);
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        const auto table = tables.find(row.at(0).toString());
        if (table == tables.end())
            continue;
        Schema::Trigger trigger;
        trigger.name = row.at(1).toString();
        trigger.definition = u"CREATE TRIGGER "_s + MysqlSqlText::quoteIdentifier(trigger.name)
                             + u' ' + row.at(2).toString() + u' ' + row.at(3).toString()
                             + u" ON "_s + MysqlSqlText::quoteIdentifier(table->name)
                             + u" FOR EACH ROW "_s + row.at(4).toString();
        table->triggers.append(trigger);
    }
    for (Schema::Table &table : tables) {
        std::sort(table.triggers.begin(), table.triggers.end(),
                  [](const auto &a, const auto &b) { return a.name < b.name; });
    }
    return {};
}

Result<QList<Schema::View>> readViews(const Context &cx, const QStringList &names)
{
    const auto rows = cx.select(u"SELECT TABLE_NAME, VIEW_DEFINITION "
                                "FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?"_s);
    if (!rows)
        return rows.error();
    QList<Schema::View> views;
    for (const QVariantList &row : *rows) {
        if (!names.contains(row.at(0).toString()))
            continue;
        Schema::View view;
        view.name = row.at(0).toString();
        view.definition = MysqlSqlText::stripSchema(row.at(1).toString(), cx.server.schema);
        views.append(view);
    }
    std::sort(views.begin(), views.end(),
              [](const auto &a, const auto &b) { return a.name < b.name; });
    return views;
}

} // namespace

Result<Schema::Database> MysqlIntrospector::introspect(Connection &connection,
                                                      const IntrospectOptions &options)
{
    const Result<Server> server = readServer(connection, options);
    if (!server)
        return server.error();
    const Context cx{connection, *server, options};
    MysqlKeyReader::TableMap tables; // QMap: sorted by exact name
    QHash<QString, QString> collations;
    QStringList viewNames;
    Result<> ok = readTables(cx, tables, collations, viewNames);
    if (ok)
        ok = readColumns(cx, tables, collations);
    if (ok)
        ok = readKeys(cx, tables);
    if (ok)
        ok = readChecks(cx, tables);
    if (ok)
        ok = readTriggers(cx, tables);
    if (!ok)
        return ok.error().withContext(Tr::tr("Reading the schema of database %1")
                                          .arg(server->schema));
    const auto views = readViews(cx, viewNames);
    if (!views)
        return views.error().withContext(Tr::tr("Reading the schema of database %1")
                                             .arg(server->schema));
    Schema::Database database;
    database.dialect = SqlDialect::MySQL;
    database.schemaName = server->schema;
    database.views = *views;
    for (Schema::Table &table : tables) {
        MysqlKeyReader::finish(table);
        database.tables.append(std::move(table));
    }
    return database;
}

} // namespace Retort

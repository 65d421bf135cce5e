#include "mysqlscratch.h"

#include "mysqlmodelsfilter.h"
#include "mysqlsqltext.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>

#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// Drops the scratch database when it goes out of scope, whatever happened before.
class DropDatabaseGuard
{
public:
    DropDatabaseGuard(Connection &admin, const QString &name) : m_admin(admin), m_name(name) {}
    ~DropDatabaseGuard()
    {
        (void)m_admin.exec(u"DROP DATABASE IF EXISTS "_s + MysqlSqlText::quoteIdentifier(m_name));
    }
    DropDatabaseGuard(const DropDatabaseGuard &) = delete;
    DropDatabaseGuard &operator=(const DropDatabaseGuard &) = delete;

private:
    Connection &m_admin;
    QString m_name;
};

// Drops every table, view and sequence of the connection's database when it goes out of scope.
class EmptyDatabaseGuard
{
public:
    explicit EmptyDatabaseGuard(Connection &connection) : m_connection(connection) {}
    ~EmptyDatabaseGuard();
    EmptyDatabaseGuard(const EmptyDatabaseGuard &) = delete;
    EmptyDatabaseGuard &operator=(const EmptyDatabaseGuard &) = delete;

private:
    Connection &m_connection;
};

QString objectsSql()
{
    return u"SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
           "WHERE TABLE_SCHEMA = DATABASE()"_s;
}

EmptyDatabaseGuard::~EmptyDatabaseGuard()
{
    const auto objects = m_connection.select(objectsSql());
    if (!objects)
        return;
    (void)m_connection.exec(u"SET FOREIGN_KEY_CHECKS = 0"_s);
    for (const QVariantList &row : *objects) {
        const QString type = row.at(1).toString();
        const QString kind = type == u"VIEW"_s       ? u"VIEW"_s
                             : type == u"SEQUENCE"_s ? u"SEQUENCE"_s
                                                     : u"TABLE"_s;
        (void)m_connection.exec(u"DROP %1 IF EXISTS %2"_s.arg(
            kind, MysqlSqlText::quoteIdentifier(row.at(0).toString())));
    }
    (void)m_connection.exec(u"SET FOREIGN_KEY_CHECKS = 1"_s);
}

// "10.11.19-MariaDB-0+deb12u1" -> 101119, the number "/*!50001 ... */" is compared with.
int versionNumber(const QString &version)
{
    const QStringList parts = version.section(u'-', 0, 0).split(u'.');
    int number = 0;
    for (int i = 0; i < 3; ++i)
        number = number * 100 + (i < parts.size() ? parts.at(i).toInt() : 0);
    return number;
}

// The statements of the scripts that are to run, each checked by MysqlModelsFilter before any
// runs: a refused one leaves the scratch database untouched.
Result<QList<MysqlScratch::Script>> checkedScripts(Connection &scratch,
                                                   const QList<MysqlScratch::Script> &scripts)
{
    const auto rows = scratch.select(u"SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                                     "WHERE SCHEMA_NAME <> DATABASE()"_s);
    if (!rows)
        return rows.error();
    QStringList databases;
    for (const QVariantList &row : *rows)
        databases << row.constFirst().toString();
    const auto version = scratch.select(u"SELECT VERSION()"_s);
    if (!version)
        return version.error();
    const int versionId = versionNumber(version->value(0).value(0).toString());
    QList<MysqlScratch::Script> out;
    for (const MysqlScratch::Script &script : scripts) {
        MysqlScratch::Script kept{script.file, {}};
        for (const Statement &statement : script.statements) {
            const Result<MysqlModelsFilter::Action> action =
                MysqlModelsFilter::check(statement, databases, versionId);
            if (!action) {
                Error e = action.error();
                e.file = script.file;
                return e;
            }
            if (*action == MysqlModelsFilter::Action::Run)
                kept.statements << statement;
        }
        out << kept;
    }
    return out;
}

// Runs the scripts on `scratch` and introspects it.
Result<Schema::Database> applyAndIntrospect(Connection &scratch,
                                            const QList<MysqlScratch::Script> &scripts,
                                            const IntrospectOptions &options)
{
    const QString name = scratch.url().database;
    const Result<QList<MysqlScratch::Script>> checked = checkedScripts(scratch, scripts);
    if (!checked)
        return checked.error();
    if (Result<> r = scratch.exec(u"SET FOREIGN_KEY_CHECKS = 0"_s); !r)
        return r.error();
    for (const MysqlScratch::Script &script : *checked) {
        for (const Statement &statement : script.statements) {
            Result<> r = scratch.exec(statement.text, statement.line);
            if (!r) {
                Error e = r.error().withContext(
                    Tr::tr("Applying the models to the scratch database %1").arg(name));
                e.file = script.file;
                return e;
            }
        }
    }
    if (Result<> r = scratch.exec(u"SET FOREIGN_KEY_CHECKS = 1"_s); !r)
        return r.error();
    IntrospectOptions own = options;
    own.schema.clear(); // the scratch connection's current database
    Result<Schema::Database> model = MysqlIntrospector::introspect(scratch, own);
    if (model)
        model->schemaName.clear();
    return model;
}

Result<std::unique_ptr<Connection>> openDatabase(const DatabaseUrl &server, const QString &name)
{
    DatabaseUrl url = server;
    url.database = name;
    return Connection::open(url);
}

// "CHARACTER SET x COLLATE y" of the connection's current database; empty if it has none.
QString charsetClause(Connection &connection)
{
    const auto rows = connection.select(
        u"SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
        "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()"_s);
    if (!rows || rows->isEmpty())
        return {};
    return u" CHARACTER SET "_s + rows->constFirst().at(0).toString() + u" COLLATE "_s
           + rows->constFirst().at(1).toString();
}

} // namespace

QString MysqlScratch::uniqueDatabaseName()
{
    const quint64 bits = QRandomGenerator::global()->generate64() & 0xffffffffffffULL;
    return u"retort_scratch_"_s + QString::number(bits, 16).rightJustified(12, u'0');
}

Result<Schema::Database> MysqlScratch::introspectModels(Connection &target,
                                                        const QList<Script> &scripts,
                                                        const IntrospectOptions &options)
{
    return introspectModels(target, scripts, options, uniqueDatabaseName());
}

Result<Schema::Database> MysqlScratch::introspectModels(Connection &target,
                                                        const QList<Script> &scripts,
                                                        const IntrospectOptions &options,
                                                        const QString &scratchDatabase)
{
    const QString create = u"CREATE DATABASE "_s + MysqlSqlText::quoteIdentifier(scratchDatabase)
                           + charsetClause(target);
    if (Result<> r = target.exec(create); !r)
        return r.error().withContext(
            Tr::tr("Creating the scratch database %1 for the models (set dev_url to a database "
                   "Retort may use instead)")
                .arg(scratchDatabase));
    const DropDatabaseGuard dropGuard(target, scratchDatabase);
    auto scratch = openDatabase(target.url(), scratchDatabase);
    if (!scratch)
        return scratch.error();
    return applyAndIntrospect(**scratch, scripts, options);
}

Result<Schema::Database> MysqlScratch::introspectModelsOnDev(const DatabaseUrl &devUrl,
                                                             const QList<Script> &scripts,
                                                             const IntrospectOptions &options)
{
    auto dev = Connection::open(devUrl);
    if (!dev)
        return dev.error().withContext(Tr::tr("Opening dev_url"));
    if (devUrl.database.isEmpty())
        return introspectModels(**dev, scripts, options);
    const auto objects = (*dev)->select(objectsSql());
    if (!objects)
        return objects.error();
    if (!objects->isEmpty())
        return Error(Error::Kind::Config,
                     Tr::tr("The dev database %1 is not empty (%2 tables or views); dev_url must "
                            "name an empty database, which Retort empties again after use.")
                         .arg(devUrl.toDisplayString())
                         .arg(objects->size()));
    const EmptyDatabaseGuard emptyGuard(**dev);
    return applyAndIntrospect(**dev, scripts, options);
}

} // namespace Retort

#include "postgresscratch.h"

#include "postgresmodelsfilter.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>
#include <engine/sql/statementsplitter.h>

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// The models' statements as they are to run, each prepared by PostgresModelsFilter before any
// runs (a refused statement fails the whole models).
Result<QList<PostgresScratch::Script>> preparedScripts(Connection &connection,
                                                       const QList<PostgresScratch::Script> &scripts,
                                                       const QString &scratch,
                                                       const QString &target)
{
    const auto rows = connection.select(
        u"SELECT nspname::text FROM pg_namespace WHERE nspname NOT IN "
        "(?, ?, 'pg_catalog', 'information_schema')"_s,
        {scratch, target});
    if (!rows)
        return rows.error();
    QStringList others;
    for (const QVariantList &row : *rows)
        others << row.constFirst().toString();
    QList<PostgresScratch::Script> out;
    for (const PostgresScratch::Script &script : scripts) {
        PostgresScratch::Script prepared{script.file, {}};
        for (const Statement &statement : script.statements) {
            const Result<std::optional<QString>> text =
                PostgresModelsFilter::prepare(statement, target, others);
            if (!text) {
                Error e = text.error();
                e.file = script.file;
                return e;
            }
            if (*text)
                prepared.statements << Statement{**text, statement.line};
        }
        out << prepared;
    }
    return out;
}

Result<> applyScripts(Connection &connection, const QList<PostgresScratch::Script> &scripts)
{
    for (const PostgresScratch::Script &script : scripts) {
        for (const Statement &statement : script.statements) {
            Result<> r = connection.exec(statement.text, statement.line);
            if (!r) {
                Error e = r.error();
                e.kind = Error::Kind::Script;
                e.file = script.file;
                e.message = Tr::tr("The models failed on PostgreSQL: %1").arg(e.message);
                return e;
            }
        }
    }
    return {};
}

Result<Schema::Database> applyAndRead(Connection &connection, const QString &schema,
                                      const QList<PostgresScratch::Script> &scripts,
                                      IntrospectOptions options)
{
    // The target schema stays visible behind the scratch one: the models may use its types
    // (an extension's, say), and read back they print unqualified, as in the target.
    QString target = options.schema;
    if (target.isEmpty()) {
        const auto rows = connection.select(u"SELECT current_schema()::text"_s);
        if (!rows)
            return rows.error();
        target = rows->isEmpty() ? QString() : rows->first().first().toString();
    }
    const QString quoted = connection.quote(schema);
    if (Result<> r = connection.exec(u"CREATE SCHEMA "_s + quoted); !r)
        return r.error();
    const QString path = target.isEmpty() ? quoted : quoted + u", "_s + connection.quote(target);
    if (Result<> r = connection.exec(u"SET LOCAL search_path TO "_s + path); !r)
        return r.error();
    const Result<QList<PostgresScratch::Script>> prepared =
        preparedScripts(connection, scripts, schema, target);
    if (!prepared)
        return prepared.error();
    if (Result<> r = applyScripts(connection, *prepared); !r)
        return r.error();
    options.schema = schema;
    Result<Schema::Database> db = PostgresIntrospector::introspect(connection, options, target);
    if (db)
        db->schemaName.clear();
    return db;
}

} // namespace

Result<PostgresScratch::Script> PostgresScratch::script(const QString &file, const QString &sql)
{
    Result<StatementList> statements = StatementSplitter::split(sql, SqlDialect::PostgreSQL);
    if (!statements) {
        Error e = statements.error();
        e.file = file;
        return e;
    }
    return Script{file, *statements};
}

QString PostgresScratch::uniqueSchemaName()
{
    const quint64 random = QRandomGenerator::system()->generate64() & 0xffffffffffffULL;
    return u"retort_scratch_%1"_s.arg(random, 12, 16, QChar(u'0'));
}

Result<Schema::Database> PostgresScratch::introspectModels(Connection &connection,
                                                           const QList<Script> &scripts,
                                                           const IntrospectOptions &options)
{
    return introspectModels(connection, scripts, options, uniqueSchemaName());
}

Result<Schema::Database> PostgresScratch::introspectModels(Connection &connection,
                                                           const QList<Script> &scripts,
                                                           const IntrospectOptions &options,
                                                           const QString &scratchSchema)
{
    QSqlDatabase &db = connection.database();
    if (!db.transaction()) {
        return Error(Error::Kind::Database,
                     Tr::tr("Cannot start the transaction for the models' scratch schema: %1")
                         .arg(db.lastError().text()));
    }
    Result<Schema::Database> result = applyAndRead(connection, scratchSchema, scripts, options);
    // Always rolled back: the scratch schema and everything the models created go with it.
    if (!db.rollback() && result) {
        return Error(Error::Kind::Database,
                     Tr::tr("Cannot roll back the models' scratch schema: %1")
                         .arg(db.lastError().text()));
    }
    return result;
}

} // namespace Retort

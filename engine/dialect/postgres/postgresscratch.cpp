#include "postgresscratch.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>
#include <engine/sql/statementsplitter.h>

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// BEGIN / COMMIT / END / START TRANSACTION in a models file: the scratch transaction is ours,
// and a COMMIT would leave the scratch schema behind.
bool isTransactionControl(const QString &sql)
{
    static const QRegularExpression re(
        u"^\\s*(BEGIN|COMMIT|END|START\\s+TRANSACTION)(\\s+(WORK|TRANSACTION))?\\s*;?\\s*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re.match(sql).hasMatch();
}

Result<> applyScripts(Connection &connection, const QList<PostgresScratch::Script> &scripts)
{
    for (const PostgresScratch::Script &script : scripts) {
        for (const Statement &statement : script.statements) {
            if (statement.text.trimmed().isEmpty() || isTransactionControl(statement.text))
                continue;
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
    if (Result<> r = applyScripts(connection, scripts); !r)
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

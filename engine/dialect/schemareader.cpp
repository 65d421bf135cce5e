#include "schemareader.h"

#include "modelsstatement.h"
#include "mysql/mysqlintrospector.h"
#include "mysql/mysqlscratch.h"
#include "postgres/postgresintrospector.h"
#include "postgres/postgresscratch.h"
#include "sqlite/sqliteintrospector.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>
#include <engine/sql/statementsplitter.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// The models' statements per file, cut with the target dialect's rules.
Result<QList<ModelsScript>> splitModels(const QList<ModelsText> &models, SqlDialect dialect)
{
    QList<ModelsScript> scripts;
    for (const ModelsText &m : models) {
        Result<StatementList> statements = StatementSplitter::split(m.sql, dialect, 1);
        if (!statements) {
            Error e = statements.error();
            e.file = m.file;
            return e;
        }
        scripts << ModelsScript{m.file, std::move(*statements)};
    }
    return scripts;
}

// The SQLite scratch database lives in memory; ATTACH and VACUUM INTO would reach files
// (the target's among them).
Result<> refuseFileAccess(const Statement &statement)
{
    const Result<ModelsStatement> s = ModelsStatement::parse(statement, SqlDialect::SQLite);
    if (!s)
        return s.error();
    const QString first = s->keyword(0);
    if (first != u"ATTACH"_s && !(first == u"VACUUM"_s && s->findKeyword({u"INTO"_s}) > 0))
        return {};
    return Error(Error::Kind::Script,
                 Tr::tr("%1 is refused in the models: they run in a database in memory and must "
                        "not reach any file.")
                     .arg(first),
                 {}, statement.line);
}

} // namespace

Result<Schema::Database> SchemaReader::introspect(Connection &connection,
                                                  const IntrospectOptions &options)
{
    switch (connection.dialect()) {
    case SqlDialect::SQLite:
        return SqliteIntrospector::introspect(connection.database(), options);
    case SqlDialect::PostgreSQL:
        return PostgresIntrospector::introspect(connection, options);
    case SqlDialect::MySQL:
        return MysqlIntrospector::introspect(connection, options);
    }
    return Error(Error::Kind::Internal, Tr::tr("Unknown SQL dialect."));
}

Result<Schema::Database> SchemaReader::models(Connection &target, const QList<ModelsText> &models,
                                              const IntrospectOptions &options,
                                              const QString &devUrl)
{
    const Result<QList<ModelsScript>> scripts = splitModels(models, target.dialect());
    if (!scripts)
        return scripts.error();
    switch (target.dialect()) {
    case SqlDialect::SQLite:
        return sqliteModels(*scripts, options);
    case SqlDialect::PostgreSQL:
        return PostgresScratch::introspectModels(target, *scripts, options);
    case SqlDialect::MySQL: {
        if (!devUrl.isEmpty()) {
            const Result<DatabaseUrl> dev = DatabaseUrl::parse(devUrl);
            if (!dev)
                return dev.error().withContext(u"dev_url"_s);
            return MysqlScratch::introspectModelsOnDev(*dev, *scripts, options);
        }
        return MysqlScratch::introspectModels(target, *scripts, options);
    }
    }
    return Error(Error::Kind::Internal, Tr::tr("Unknown SQL dialect."));
}

Result<Schema::Database> SchemaReader::sqliteModels(const QList<ModelsScript> &scripts,
                                                    const IntrospectOptions &options)
{
    auto scratch = Connection::open(*DatabaseUrl::parse(u"sqlite://"_s));
    if (!scratch)
        return scratch.error();
    for (const ModelsScript &m : scripts) {
        for (const Statement &s : m.statements) {
            if (Result<> r = refuseFileAccess(s); !r) {
                Error e = r.error();
                e.file = m.file;
                return e;
            }
            if (Result<> r = (*scratch)->exec(s.text, s.line); !r) {
                Error e = r.error();
                e.file = m.file;
                e.message = Tr::tr("The models failed: %1").arg(e.message);
                return e;
            }
        }
    }
    return SqliteIntrospector::introspect((*scratch)->database(), options);
}

} // namespace Retort

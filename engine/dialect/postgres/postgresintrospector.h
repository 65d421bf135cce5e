#pragma once

#include <engine/core/result.h>
#include <engine/schema/database.h>

#include <QString>
#include <QStringList>

namespace Retort {

class Connection;

// Reads one PostgreSQL schema into a Schema::Database: tables, columns, keys, indexes,
// constraints, views, enums, sequences and comments. A handful of catalog queries for the whole
// schema, never one per table (500 tables take tens of milliseconds). While it runs, the
// session's search_path is the introspected schema alone, so that expressions, defaults and
// type names come out unqualified whatever schema they live in (a scratch schema and the
// target compare equal); the previous search_path is restored afterwards.
class PostgresIntrospector
{
public:
    struct Options
    {
        QString schema;            // empty = current_schema() (the first existing schema on the search_path)
        QStringList excludeTables; // glob patterns, case-insensitive
        QString versionTable = QStringLiteral("alembic_version");
        QString historyTable = QStringLiteral("retort_history"); // empty = none

        bool isExcluded(const QString &table) const;
    };

    static Result<Schema::Database> introspect(Connection &connection, const Options &options);
    static Result<Schema::Database> introspect(Connection &connection); // default options
};

} // namespace Retort

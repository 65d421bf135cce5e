#pragma once

#include <engine/core/result.h>
#include <engine/schema/database.h>

#include <QString>
#include <QStringList>

namespace Retort {

class Connection;

// Reads one MySQL/MariaDB database (options.schema, else the connection's current one) into a
// Schema::Database: tables (engine, comment), columns (normalised type, nullability, default,
// AUTO_INCREMENT, collation where it is not the table's, generated, ON UPDATE, comment),
// primary key, unique constraints, indexes (prefix lengths, DESC, FULLTEXT/SPATIAL), foreign
// keys, checks, views and triggers. Eight information_schema queries for the whole database,
// never one per table. The same DDL gives the same model on every database of a server: view
// queries lose their database qualifier, defaults take MariaDB's spelling (see MysqlDefaults),
// MariaDB's JSON (LONGTEXT + json_valid check) reads as JSON, and the indexes InnoDB creates by
// itself for foreign keys are left out. MariaDB sequences are not read.
class MysqlIntrospector
{
public:
    // TODO(#5): becomes the shared IntrospectOptions once it lands (same fields and rule).
    struct Options
    {
        QString versionTable = QStringLiteral("alembic_version");
        QString historyTable = QStringLiteral("retort_history"); // empty = none
        QStringList excludeTables; // glob patterns, case-insensitive
        QString schema;            // empty = the connection's current database

        // Same rule as Ops::DiffOptions::isExcluded; applies to views too.
        bool isExcluded(const QString &name) const;
    };

    static Result<Schema::Database> introspect(Connection &connection, const Options &options);
    static Result<Schema::Database> introspect(Connection &connection); // default options
};

} // namespace Retort

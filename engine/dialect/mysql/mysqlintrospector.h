#pragma once

#include <engine/core/result.h>
#include <engine/dialect/introspectoptions.h>
#include <engine/schema/database.h>

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
    static Result<Schema::Database> introspect(Connection &connection,
                                               const IntrospectOptions &options = {});
};

} // namespace Retort

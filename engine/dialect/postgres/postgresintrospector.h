#pragma once

#include <engine/core/result.h>
#include <engine/dialect/introspectoptions.h>
#include <engine/schema/database.h>

namespace Retort {

class Connection;

// Reads one PostgreSQL schema into a Schema::Database: tables, columns, keys, indexes,
// constraints, triggers, views, enums, sequences and comments. Eight catalog queries for the
// whole schema, never one per table (500 tables: about 100 ms of server time). While it runs, the
// session's search_path is the introspected schema (plus `alsoVisible`), so that expressions,
// defaults and type names come out unqualified whatever the schema is called (a scratch schema
// and the target compare equal); the previous search_path is restored afterwards.
class PostgresIntrospector
{
public:
    // options.schema empty = current_schema(), the first existing schema on the search_path.
    // Excluded names leave out tables and views (and sequences owned by excluded tables).
    static Result<Schema::Database> introspect(Connection &connection,
                                               const IntrospectOptions &options = {});
    // `alsoVisible`: a second schema on the search_path while reading, so that its types
    // (e.g. an extension's, installed in the target schema) print unqualified. PostgresScratch
    // passes the target schema when it reads the models.
    static Result<Schema::Database> introspect(Connection &connection,
                                               const IntrospectOptions &options,
                                               const QString &alsoVisible);
};

} // namespace Retort

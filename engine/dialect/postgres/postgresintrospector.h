#pragma once

#include <engine/core/result.h>
#include <engine/dialect/introspectoptions.h>
#include <engine/schema/database.h>

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
    // options.schema empty = current_schema(), the first existing schema on the search_path.
    // Excluded names leave out tables and views (and sequences owned by excluded tables).
    static Result<Schema::Database> introspect(Connection &connection,
                                               const IntrospectOptions &options = {});
};

} // namespace Retort

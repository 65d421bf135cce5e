#pragma once

#include <engine/core/result.h>
#include <engine/dialect/introspectoptions.h>
#include <engine/schema/database.h>

class QSqlDatabase;

namespace Retort {

// Reads a SQLite database's schema ("main") into a Schema::Database. Six queries in all,
// whatever the number of tables: pragma_table_list, sqlite_master, and pragma_table_xinfo,
// pragma_index_list + pragma_index_xinfo and pragma_foreign_key_list joined against
// sqlite_master. What the pragmas miss comes from the stored CREATE statements
// (SqliteDdlParser). Leaves out sqlite_* tables, virtual tables and their shadow tables, and the
// tables (and views) that `options` exclude. Runs on the connection's thread; reads only.
class SqliteIntrospector
{
public:
    static Result<Schema::Database> introspect(QSqlDatabase &db,
                                               const IntrospectOptions &options = {});
};

} // namespace Retort

#pragma once

#include "mysqlintrospector.h"

#include <engine/config/databaseurl.h>
#include <engine/core/result.h>
#include <engine/dialect/modelsscript.h>
#include <engine/schema/database.h>
#include <engine/sql/statement.h>

#include <QList>
#include <QString>

namespace Retort {

class Connection;

// The models as a schema on MySQL/MariaDB (README "Autogenerate"). MySQL commits DDL at once, so
// the models cannot run in a transaction that is rolled back: they run in a database of their
// own, which is introspected and then dropped (on success and on every error alike), or in
// the empty database of `dev_url`, which is emptied again afterwards. The models' statements run
// with FOREIGN_KEY_CHECKS=0, so a table may refer to one created after it (as in mysqldump).
// The scratch database shares the target's server and DDL commits at once, so before any
// statement runs MysqlModelsFilter checks them all: USE, DML, other databases' names and the
// like are refused with their line, and nothing runs.
class MysqlScratch
{
public:
    using Script = ModelsScript;

    // Creates `retort_scratch_<random>` on the server of `target` (with the character set and
    // collation of target's current database, so column collations compare alike), runs the
    // scripts there over a second connection, introspects and drops it. `options.schema` is
    // ignored; the exclusions apply. The result's schemaName is empty. A failing statement gives
    // an error with the script's file, the statement's line and the server's message.
    static Result<Schema::Database> introspectModels(Connection &target,
                                                     const QList<Script> &scripts,
                                                     const IntrospectOptions &options);
    // The same with a given scratch database name (it must not exist); tests use it to check
    // that the database is gone afterwards.
    static Result<Schema::Database> introspectModels(Connection &target,
                                                     const QList<Script> &scripts,
                                                     const IntrospectOptions &options,
                                                     const QString &scratchDatabase);

    // dev_url: with a database in it, that database must be empty (no tables, views or
    // sequences); the scripts run there and everything they created is dropped afterwards.
    // Without one, a retort_scratch_<random> database is created and dropped on that server.
    static Result<Schema::Database> introspectModelsOnDev(const DatabaseUrl &devUrl,
                                                          const QList<Script> &scripts,
                                                          const IntrospectOptions &options);

    // retort_scratch_ plus 12 random hex digits.
    static QString uniqueDatabaseName();
};

} // namespace Retort

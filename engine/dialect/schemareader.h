#pragma once

#include "introspectoptions.h"
#include "modelsscript.h"
#include "modelssource.h"

#include <engine/core/result.h>
#include <engine/schema/database.h>

namespace Retort {

class Connection;

// Reads a schema from a database of any dialect, or the models applied to a scratch database of
// the target's dialect (README "Autogenerate"): SQLite in memory, PostgreSQL in a
// rolled-back temporary schema, MySQL in `dev_url` or a temporary database that is dropped.
class SchemaReader
{
public:
    static Result<Schema::Database> introspect(Connection &connection,
                                               const IntrospectOptions &options);
    static Result<Schema::Database> models(Connection &target, const QList<ModelsText> &models,
                                           const IntrospectOptions &options,
                                           const QString &devUrl = {});

private:
    static Result<Schema::Database> sqliteModels(const QList<ModelsScript> &scripts,
                                                 const IntrospectOptions &options);
};

} // namespace Retort

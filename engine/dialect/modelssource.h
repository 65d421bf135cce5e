#pragma once

#include <engine/config/config.h>
#include <engine/core/result.h>
#include <engine/core/sqldialect.h>

#include <QList>
#include <QString>

namespace Retort {

// One piece of the models' DDL and where it came from (a file, or the schema_command).
struct ModelsText
{
    QString file; // path, or "schema_command: <command>"
    QString sql;
};

// Reads the models (README "A user's project": `schema` files and globs in order,
// `schema_command`'s standard output, or the `models` of an ORM through OrmModels). Knows no
// database.
class ModelsSource
{
public:
    // schema_command runs with RETORT_DIALECT set to sqlite, postgresql or mysql, so that an
    // ORM can print DDL for the target's engine.
    static Result<QList<ModelsText>> read(const Config &config, SqlDialect dialect);

private:
    static Result<QList<ModelsText>> readFiles(const Config &config);
    static Result<QList<ModelsText>> runCommand(const Config &config, SqlDialect dialect);
};

} // namespace Retort

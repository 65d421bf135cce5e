#pragma once

#include "migrationstep.h"
#include "preparedstep.h"
#include "runoptions.h"

#include <engine/core/result.h>
#include <engine/core/sqldialect.h>

namespace Retort {

// The `--sql` output (README "Safety"): the whole script for a plan in one dialect, without connecting,
// laid out as Alembic's offline mode does: the version table's CREATE TABLE in the first step
// when starting from base, "-- Running upgrade a1 -> b2" before each step's statements, its
// version-table INSERT/UPDATE/DELETE after them, and DROP TABLE of the version table when the
// plan ends at base. BEGIN;/COMMIT; per step (or once around everything with
// transactionPerMigration=false) for PostgreSQL and SQLite, none for MySQL, whose DDL is not
// transactional. Unlike Alembic, SQLite gets them too, because Retort runs SQLite DDL in
// transactions. History rows are not part of offline scripts.
class OfflineScript
{
public:
    static Result<QString> render(SqlDialect dialect, const MigrationPlan &plan,
                                  const RevisionLookup &lookup, const RunOptions &options);
    // Stamp: only the version-table changes ("-- Running stamp_revision  -> b2").
    static Result<QString> renderStamp(SqlDialect dialect, const MigrationPlan &plan,
                                       const RevisionLookup &lookup, const RunOptions &options);

private:
    static Result<QString> renderSteps(SqlDialect dialect, const MigrationPlan &plan,
                                       bool stamping, const RevisionLookup &lookup,
                                       const RunOptions &options);
};

} // namespace Retort

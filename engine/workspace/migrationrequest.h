#pragma once

#include <engine/core/result.h>
#include <engine/runner/migrationstep.h>

#include <QStringList>

namespace Retort {

class RevisionGraph;

// An upgrade, downgrade or stamp as the CLI or the GUI asked for it. A value.
struct MigrationRequest
{
    enum class Kind { Upgrade, Downgrade, Stamp };

    Kind kind = Kind::Upgrade;
    QStringList targets; // one for upgrade and downgrade; one or more for stamp
    bool purge = false;  // stamp --purge: empty the version table first
    bool foreignKeyCheck = true; // false: --no-foreign-key-check (SQLite)

    // The plan from the version-table rows `heads` (Alembic's order and head bookkeeping).
    Result<MigrationPlan> plan(const RevisionGraph &graph, const QStringList &heads) const;
};

} // namespace Retort

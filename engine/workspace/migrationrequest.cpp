#include "migrationrequest.h"

#include <engine/runner/migrationplanner.h>

namespace Retort {

Result<MigrationPlan> MigrationRequest::plan(const RevisionGraph &graph,
                                             const QStringList &heads) const
{
    switch (kind) {
    case Kind::Upgrade:
        return MigrationPlanner::planUpgrade(graph, heads, targets.value(0));
    case Kind::Downgrade:
        return MigrationPlanner::planDowngrade(graph, heads, targets.value(0));
    case Kind::Stamp:
        break;
    }
    return MigrationPlanner::planStamp(graph, heads, targets, purge);
}

} // namespace Retort

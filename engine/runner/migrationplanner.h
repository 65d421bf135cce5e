#pragma once

#include "migrationstep.h"

#include <engine/core/result.h>

#include <QString>
#include <QStringList>

namespace Retort {

class RevisionGraph;

// Pure planning: (graph, the version table's rows, target) -> steps in Alembic's order, each
// with the version-table changes Alembic's HeadMaintainer makes. No database, any thread.
// currentHeads: the rows in the order the database returns them (Alembic's "-1" picks the
// first). Errors are Kind::Graph with Alembic's sentences; a downgrade through a revision
// without a downgrade section fails with Kind::Script before anything runs.
class MigrationPlanner
{
public:
    // target: head, heads, REV, +N, REV+N, LABEL@head, LABEL@+N, ...
    static Result<MigrationPlan> planUpgrade(const RevisionGraph &graph,
                                             const QStringList &currentHeads,
                                             const QString &target);
    // target: -N, REV, REV-N, base, LABEL@base, LABEL@-N, ...
    static Result<MigrationPlan> planDowngrade(const RevisionGraph &graph,
                                               const QStringList &currentHeads,
                                               const QString &target);
    // targets: revisions to stamp (empty or "base": remove the matching rows); purge: start
    // from an emptied version table.
    static Result<MigrationPlan> planStamp(const RevisionGraph &graph,
                                           const QStringList &currentHeads,
                                           const QStringList &targets, bool purge);
};

} // namespace Retort

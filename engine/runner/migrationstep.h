#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

// One change to the version table's rows, as Alembic's HeadMaintainer makes it.
struct VersionChange
{
    enum class Kind { Insert, Delete, Update };
    Kind kind = Kind::Insert;
    QString from; // Delete, Update: the row to remove or change
    QString to;   // Insert, Update: the new row
    bool operator==(const VersionChange &) const = default;
};

// One revision to run (or stamp) and what it does to the version table.
struct MigrationStep
{
    enum class Direction { Upgrade, Downgrade };
    Direction direction = Direction::Upgrade;
    QString revision;         // the revision whose upgrade (or downgrade) section runs
    QStringList fromRevisions; // Alembic's "Running upgrade <from> -> <to>" left side
    QStringList toRevisions;   // right side
    QList<VersionChange> versionChanges; // applied in this order, in the step's transaction
    bool stamp = false; // a stamp step: no script runs, only versionChanges (revision is empty)
    bool operator==(const MigrationStep &) const = default;
};

// A pure plan: steps in run order and the version-table rows after the last one.
struct MigrationPlan
{
    QList<MigrationStep> steps;
    QStringList headsBefore;
    QStringList headsAfter; // in the order the table's rows end up (updates keep their place)
    bool purge = false;     // stamp --purge: delete every version row before the first step
};

} // namespace Retort

#pragma once

#include "migrationstep.h"
#include "runoptions.h"

#include <engine/core/direction.h>
#include <engine/core/result.h>
#include <engine/core/sqldialect.h>
#include <engine/revision/revision.h>
#include <engine/sql/statement.h>

#include <functional>

namespace Retort {

// id -> revision, or nullptr when unknown. The revisions must outlive the call that uses it.
using RevisionLookup = std::function<const Revision *(const QString &id)>;

// A plan step with its revision looked up and its section split, so that a bad step (unknown
// revision, irreversible downgrade, unsplittable SQL, transaction control in a revision that runs
// in a transaction) fails before anything runs.
struct PreparedStep
{
    MigrationStep step;
    const Revision *revision = nullptr; // null only for stamp steps of unknown revisions
    Direction direction = Direction::Upgrade;
    StatementList statements;           // empty for stamps
    bool noTransaction = false;
    bool foreignKeysOff = false; // the revision's "-- migrate:foreign-keys-off" (SQLite only)
    QString message; // the revision's message, for "Running upgrade a1 -> b2, add users"
    // The history rows the step writes: (revision, checksum). A stamp writes one per stamped
    // revision, or one with an empty checksum per revision it takes away (stamping base).
    QList<QPair<QString, QString>> historyRows;

    // Alembic's log text: "upgrade a1 -> b2", "downgrade b2 -> a1", "stamp_revision  -> b2".
    QString shortLog() const;

    // stamping: every step is a stamp (besides the steps marked MigrationStep::stamp).
    static Result<QList<PreparedStep>> prepareAll(const MigrationPlan &plan, bool stamping,
                                                  const RevisionLookup &lookup,
                                                  const RunOptions &options, SqlDialect dialect);
};

} // namespace Retort

#pragma once

#include "migrationstep.h"
#include "runoptions.h"
#include "runreport.h"
#include "stepexecutor.h"

#include <engine/core/canceltoken.h>
#include <engine/core/progress.h>
#include <engine/core/result.h>
#include <engine/revision/revision.h>

#include <functional>

namespace Retort {

class Connection;
class HistoryTable;
class RevisionGraph;

// Current version-table rows -> the plan from there. Called after the lock is taken, with the
// rows as they are then, so concurrent commands never run a revision twice.
using MigrationPlanFunction = std::function<Result<MigrationPlan>(const QStringList &heads)>;

// Runs migration plans against one open connection (README "Safety"): lock for the whole command,
// re-read the heads, plan, then per step one transaction with its statements, version-table
// changes and history row. Synchronous; use it on the connection's thread.
class Runner
{
public:
    Runner(Connection &connection, const RunOptions &options, const RevisionLookup &lookup);

    // Upgrade or downgrade: runs each step's upgrade or downgrade section. A downgrade through an
    // irreversible revision fails before anything runs.
    Result<RunReport> migrate(const MigrationPlanFunction &planner, ProgressSink &sink,
                              const CancelToken &cancel);
    // A fixed plan; fails (nothing run) if the version table no longer holds plan.headsBefore.
    Result<RunReport> migrate(const MigrationPlan &plan, ProgressSink &sink,
                              const CancelToken &cancel);
    // A RevisionLookup over `graph`, which must outlive the Runner.
    static RevisionLookup lookupIn(const RevisionGraph &graph);

    // Stamp: the plan's version changes and history rows (direction "stamp"), no statements.
    // (migrate() also treats steps marked MigrationStep::stamp so; MigrationPlan::purge empties
    // the version table first.)
    Result<RunReport> stamp(const MigrationPlanFunction &planner, ProgressSink &sink,
                            const CancelToken &cancel);

    // The version table's rows in the database's order; no lock, nothing created.
    Result<QStringList> currentHeads();

private:
    enum class Mode { Migrate, Stamp };
    Result<RunReport> run(Mode mode, const MigrationPlanFunction &planner, ProgressSink &sink,
                          const CancelToken &cancel);
    Result<RunReport> runLocked(Mode mode, bool othersCanWrite, const MigrationPlanFunction &planner,
                                ProgressSink &sink, const CancelToken &cancel);
    // SQLite with foreign keys on: turns them off for the run; true if it did.
    Result<bool> disableSqliteForeignKeys();
    // SQLite: busy_timeout raised to the lock timeout; returns the old value, or -1.
    int raiseSqliteBusyTimeout();
    // true: plan done; false: stale heads, nothing of the plan's remaining steps done.
    Result<bool> runPlan(Mode mode, const MigrationPlanFunction &planner,
                         const QStringList &heads, StepExecutor &executor, HistoryTable &history,
                         ProgressSink &sink, const CancelToken &cancel);

    Connection &m_connection;
    RunOptions m_options;
    RevisionLookup m_lookup;
};

} // namespace Retort

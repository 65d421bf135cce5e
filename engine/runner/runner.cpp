#include "runner.h"

#include "databaselock.h"
#include "historytable.h"
#include "stepexecutor.h"
#include "versiontable.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>
#include <engine/revision/revisiongraph.h>

#include <QScopeGuard>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

Runner::Runner(Connection &connection, const RunOptions &options, const RevisionLookup &lookup)
    : m_connection(connection)
    , m_options(options)
    , m_lookup(lookup)
{}

RevisionLookup Runner::lookupIn(const RevisionGraph &graph)
{
    return [&graph](const QString &id) { return graph.revision(id); };
}

Result<QStringList> Runner::currentHeads()
{
    VersionTable versions(m_connection, m_options.tables.versionTable);
    return versions.heads();
}

Result<RunReport> Runner::migrate(const MigrationPlanFunction &planner, ProgressSink &sink,
                                  const CancelToken &cancel)
{
    return run(Mode::Migrate, planner, sink, cancel);
}

Result<RunReport> Runner::migrate(const MigrationPlan &plan, ProgressSink &sink,
                                  const CancelToken &cancel)
{
    const MigrationPlanFunction fixed = [plan](const QStringList &heads) -> Result<MigrationPlan> {
        if (sorted(heads) != sorted(plan.headsBefore))
            return Error(Error::Kind::Graph,
                         Tr::tr("The database changed since the plan was made: the version table "
                                "holds %1, the plan starts from %2; nothing was run.")
                             .arg(heads.isEmpty() ? u"<base>"_s : heads.join(u", "_s),
                                  plan.headsBefore.isEmpty() ? u"<base>"_s
                                                             : plan.headsBefore.join(u", "_s)));
        return plan;
    };
    return run(Mode::Migrate, fixed, sink, cancel);
}

Result<RunReport> Runner::stamp(const MigrationPlanFunction &planner, ProgressSink &sink,
                                const CancelToken &cancel)
{
    return run(Mode::Stamp, planner, sink, cancel);
}

Result<RunReport> Runner::run(Mode mode, const MigrationPlanFunction &planner, ProgressSink &sink,
                              const CancelToken &cancel)
{
    Result<std::unique_ptr<DatabaseLock>> lock = DatabaseLock::acquire(
        m_connection, m_options.tables.versionTable, m_options.lockTimeoutMs, cancel);
    if (!lock)
        return lock.error();
    Result<RunReport> report =
        runLocked(mode, !(*lock)->keepsOtherWritersOut(), planner, sink, cancel);
    const Result<> released = (*lock)->release();
    if (report && !released)
        return released.error().withContext(Tr::tr("Releasing the migration lock"));
    return report;
}

Result<RunReport> Runner::runLocked(Mode mode, bool othersCanWrite,
                                    const MigrationPlanFunction &planner,
                                    ProgressSink &sink, const CancelToken &cancel)
{
    VersionTable versions(m_connection, m_options.tables.versionTable);
    HistoryTable history(m_connection, m_options.tables.historyTable);
    Result<QStringList> heads = versions.heads();
    if (!heads)
        return heads.error();
    if (heads->isEmpty()) {
        if (Result<> r = versions.ensureCreated(); !r)
            return r.error();
    }
    const bool wholeCommand = !m_options.transactionPerMigration
                              && m_connection.dialect() != SqlDialect::MySQL;
    StepExecutor executor(m_connection, versions, history, sink, cancel, wholeCommand);
    executor.setRecheckHeads(othersCanWrite);
    const Result<bool> foreignKeysOff = disableSqliteForeignKeys();
    if (!foreignKeysOff)
        return foreignKeysOff.error();
    executor.setForeignKeyCheck(*foreignKeysOff);
    executor.setForeignKeyCheckWaived(!m_options.foreignKeyCheck);
    const auto restoreForeignKeys = qScopeGuard([&] {
        if (*foreignKeysOff)
            (void) m_connection.exec(u"PRAGMA foreign_keys=ON"_s);
    });
    // SQLite in WAL mode serialises per step (BEGIN IMMEDIATE), so a step may wait for another
    // process's whole revision: as long as for the lock, not just the connection's busy timeout.
    const int busyTimeout = raiseSqliteBusyTimeout();
    const auto restoreBusyTimeout = qScopeGuard([&] {
        if (busyTimeout >= 0)
            (void) m_connection.exec(u"PRAGMA busy_timeout=%1"_s.arg(busyTimeout));
    });
    RunReport report;
    report.headsBefore = *heads;
    // Re-plans when a step finds the version table changed by someone else (see StepExecutor).
    for (int attempt = 0; attempt < 100; ++attempt) {
        executor.setExpectedHeads(*heads);
        const Result<bool> done = runPlan(mode, planner, *heads, executor, history, sink, cancel);
        if (!done)
            return done.error();
        if (*done) {
            report.steps = executor.committed();
            const Result<QStringList> after = versions.heads();
            if (!after)
                return after.error();
            report.headsAfter = *after;
            return report;
        }
        heads = versions.heads();
        if (!heads)
            return heads.error();
        sink.report(Progress::Info{Tr::tr("The version table changed to %1 while waiting; "
                                          "planning again.")
                                       .arg(heads->isEmpty() ? u"<base>"_s : heads->join(u", "_s))});
    }
    return Error(Error::Kind::Lock, Tr::tr("The version table kept changing while migrating; "
                                           "another process is migrating the same database."));
}

Result<bool> Runner::disableSqliteForeignKeys()
{
    if (m_connection.dialect() != SqlDialect::SQLite)
        return false;
    const Result<QList<QVariantList>> on = m_connection.select(u"PRAGMA foreign_keys"_s);
    if (!on)
        return on.error();
    if (on->isEmpty() || on->first().value(0).toInt() != 1)
        return false;
    if (Result<> r = m_connection.exec(u"PRAGMA foreign_keys=OFF"_s); !r)
        return r.error();
    return true;
}

int Runner::raiseSqliteBusyTimeout()
{
    if (m_connection.dialect() != SqlDialect::SQLite)
        return -1;
    const Result<QList<QVariantList>> current = m_connection.select(u"PRAGMA busy_timeout"_s);
    if (!current || current->isEmpty())
        return -1;
    const int ms = current->first().value(0).toInt();
    if (ms >= m_options.lockTimeoutMs
        || !m_connection.exec(u"PRAGMA busy_timeout=%1"_s.arg(m_options.lockTimeoutMs)))
        return -1;
    return ms;
}

Result<bool> Runner::runPlan(Mode mode, const MigrationPlanFunction &planner,
                             const QStringList &heads, StepExecutor &executor,
                             HistoryTable &history, ProgressSink &sink, const CancelToken &cancel)
{
    const Result<MigrationPlan> plan = planner(heads);
    if (!plan)
        return plan.error();
    const Result<QList<PreparedStep>> steps = PreparedStep::prepareAll(
        *plan, mode == Mode::Stamp, m_lookup, m_options, m_connection.dialect());
    if (!steps)
        return steps.error();
    if (Result<> r = executor.refuseExistingViolations(*steps); !r)
        return r.error();
    sink.report(Progress::PlanReady{int(steps->size())});
    if (plan->purge || m_options.purge) { // stamp --purge, as Alembic: before the steps, in its own statement
        VersionTable versions(m_connection, m_options.tables.versionTable);
        if (Result<> r = versions.ensureCreated(); !r)
            return r.error();
        if (Result<> r = versions.purge(); !r)
            return r.error();
        executor.setExpectedHeads({});
    }
    if (!steps->isEmpty()) {
        if (Result<> r = history.ensureCreated(); !r)
            return r.error();
    }
    if (Result<> r = executor.start(); !r)
        return r.error();
    const int count = int(steps->size());
    for (int i = 0; i < count; ++i) {
        if (cancel.isCancelled())
            return executor.cancelBetweenSteps(i, count);
        const Result<bool> done = executor.runStep(steps->at(i), i, count);
        if (!done)
            return done.error();
        if (!*done)
            return false;
    }
    if (Result<> r = executor.finish(); !r)
        return r.error();
    return true;
}

} // namespace Retort

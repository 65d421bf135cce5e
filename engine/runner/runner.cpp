#include "runner.h"

#include "databaselock.h"
#include "historytable.h"
#include "stepexecutor.h"
#include "versiontable.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>

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

Result<QStringList> Runner::currentHeads()
{
    VersionTable versions(m_connection, m_options.versionTable);
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
        m_connection, m_options.versionTable, m_options.lockTimeoutMs, cancel);
    if (!lock)
        return lock.error();
    Result<RunReport> report = runLocked(mode, planner, sink, cancel);
    const Result<> released = (*lock)->release();
    if (report && !released)
        return released.error().withContext(Tr::tr("Releasing the migration lock"));
    return report;
}

Result<RunReport> Runner::runLocked(Mode mode, const MigrationPlanFunction &planner,
                                    ProgressSink &sink, const CancelToken &cancel)
{
    VersionTable versions(m_connection, m_options.versionTable);
    HistoryTable history(m_connection, m_options.historyTable);
    Result<QStringList> heads = versions.heads();
    if (!heads)
        return heads.error();
    if (mode == Mode::Stamp && m_options.purge) {
        if (Result<> r = versions.ensureCreated(); !r)
            return r.error();
        if (Result<> r = versions.purge(); !r)
            return r.error();
        *heads = QStringList();
    }
    if (heads->isEmpty()) {
        if (Result<> r = versions.ensureCreated(); !r)
            return r.error();
    }
    const bool wholeCommand = !m_options.transactionPerMigration
                              && m_connection.dialect() != SqlDialect::MySQL;
    StepExecutor executor(m_connection, versions, history, sink, cancel, wholeCommand);
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
    sink.report(Progress::PlanReady{int(steps->size())});
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

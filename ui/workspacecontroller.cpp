#include "workspacecontroller.h"

#include "graphrowbuilder.h"
#include "progressrelay.h"
#include "projectpythonsettings.h"

#include <engine/core/enginetr.h>
#include <engine/diff/operationapplier.h>
#include <engine/revision/revisiongraph.h>
#include <engine/workspace/workspace.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

// Runs on the pool. Engine calls for loading a project live here and nowhere else.
Result<ProjectSnapshot> loadSnapshot(const QString &location, const QString &urlOverride,
                                     const PythonLocator::Options &python)
{
    Result<Workspace> opened = Workspace::open(location, urlOverride, python);
    if (!opened)
        return opened.error();
    const auto workspace = std::make_shared<const Workspace>(std::move(*opened));
    ProjectSnapshot snapshot;
    snapshot.workspace = workspace;
    snapshot.config = workspace->config();
    if (const Result<DatabaseUrl> url = workspace->databaseUrl()) {
        snapshot.displayUrl = url->toDisplayString();
        snapshot.dialect = url->dialect;
    }
    // Reads the version and history tables too; an unreachable database is not fatal here.
    const Result<ProjectState> project = workspace->projectState();
    if (!project)
        return project.error();
    const RevisionGraph &graph = project->graph;
    QSet<QString> edited;
    if (const Result<DatabaseState> &state = project->database) {
        snapshot.currentHeads = state->heads;
        edited = QSet<QString>(state->editedAfterApplied.cbegin(), state->editedAfterApplied.cend());
        snapshot.databaseStateKnown = true;
    } else {
        snapshot.databaseError = state.error();
    }
    snapshot.rows = GraphRowBuilder::build(graph, snapshot.currentHeads, edited);
    // Unread rows would all look pending: say instead that their state is not known.
    if (!snapshot.databaseStateKnown) {
        for (GraphRow &row : snapshot.rows)
            row.state = GraphRow::State::Unknown;
    }
    snapshot.revisionCount = graph.count();
    snapshot.pendingCount = int(std::count_if(snapshot.rows.cbegin(), snapshot.rows.cend(),
                                              [](const GraphRow &row) {
                                                  return row.state == GraphRow::State::Pending;
                                              }));
    return snapshot;
}

} // namespace

WorkspaceController::WorkspaceController(QObject *parent)
    : QObject(parent)
    , m_cancel(std::make_shared<CancelToken>())
    , m_relay(new ProgressRelay, [](ProgressRelay *relay) { relay->deleteLater(); })
{
    qRegisterMetaType<ProjectSnapshot>();
    qRegisterMetaType<Error>();
    qRegisterMetaType<SchemaComparison>();
    qRegisterMetaType<AlembicVersions>();
    qRegisterMetaType<AlembicComparison>();
    qRegisterMetaType<AlembicWrittenRevision>();
    m_pool.setMaxThreadCount(1);
    connect(m_relay.get(), &ProgressRelay::reported, this, &WorkspaceController::onEvent);
}

WorkspaceController::~WorkspaceController()
{
    m_cancel->cancel();
    m_pool.waitForDone();
}

void WorkspaceController::openProject(const QString &location, const QString &urlOverride)
{
    m_location = location;
    m_urlOverride = urlOverride;
    load(location, urlOverride);
}

void WorkspaceController::setDatabaseUrl(const QString &urlOverride)
{
    m_urlOverride = urlOverride;
    refresh();
}

void WorkspaceController::refresh()
{
    if (!m_location.isEmpty())
        load(m_location, m_urlOverride);
}

void WorkspaceController::cancel()
{
    m_cancel->cancel();
}

void WorkspaceController::load(const QString &location, const QString &urlOverride)
{
    setBusy(true);
    auto *watcher = new QFutureWatcher<Result<ProjectSnapshot>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<ProjectSnapshot> result = watcher->result();
        setBusy(false);
        if (!result) {
            emit projectFailed(result.error());
            return;
        }
        m_snapshot = *result;
        emit projectOpened(m_snapshot);
    });
    // The project's own Python setting is read here, on the GUI thread, where QSettings
    // lives; finding the project file only looks at files.
    PythonLocator::Options python;
    if (const Result<QString> ini = Workspace::projectFile(location))
        python = ProjectPythonSettings::load(QFileInfo(*ini).absoluteFilePath());
    watcher->setFuture(QtConcurrent::run(&m_pool, [location, urlOverride, python] {
        return loadSnapshot(location, urlOverride, python);
    }));
}

void WorkspaceController::run(const QString &title, Job job, bool reloadAfter)
{
    m_cancel->reset();
    setBusy(true);
    emit info(title);
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, reloadAfter] {
        watcher->deleteLater();
        const Result<QString> result = watcher->result();
        setBusy(false);
        if (result)
            emit operationFinished(*result);
        else
            emit operationFailed(result.error());
        if (reloadAfter)
            refresh();
    });
    watcher->setFuture(QtConcurrent::run(
        &m_pool, [job = std::move(job), relay = m_relay, cancel = m_cancel] {
            return job(*relay, *cancel);
        }));
}

void WorkspaceController::onEvent(const Progress::Event &event)
{
    std::visit(
        [this](const auto &e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, Progress::PlanReady>)
                emit planReady(e.steps);
            else if constexpr (std::is_same_v<T, Progress::StepStarted>)
                emit stepStarted(e.index, e.count, e.revision, e.message);
            else if constexpr (std::is_same_v<T, Progress::StatementDone>)
                emit statementDone(e.sql, e.line, e.ms);
            else if constexpr (std::is_same_v<T, Progress::StepFinished>)
                emit stepFinished(e.index, e.revision, e.ms);
            else if constexpr (std::is_same_v<T, Progress::Info>)
                emit info(e.text);
        },
        event);
}

void WorkspaceController::setBusy(bool busy)
{
    const bool wasBusy = isBusy();
    m_busy += busy ? 1 : -1;
    if (wasBusy != isBusy())
        emit busyChanged(isBusy());
}

namespace {

// `ms`: wall time of the whole command, lock and planning included.
QString summarize(const QString &verb, const RunReport &report, qint64 ms)
{
    const QString after = report.headsAfter.isEmpty() ? Tr::tr("base")
                                                      : report.headsAfter.join(u", "_s);
    if (report.steps.isEmpty())
        return Tr::tr("%1: nothing to do; the database is at %2.").arg(verb, after);
    return Tr::tr("%1: %n revision(s) in %2 ms; the database is now at %3.", nullptr,
                  int(report.steps.size()))
        .arg(verb)
        .arg(ms)
        .arg(after);
}

} // namespace

void WorkspaceController::upgrade(const QString &target)
{
    runMigration(Tr::tr("Upgrade to %1").arg(target), Tr::tr("applied"),
                 [target](const Workspace &ws, ProgressSink &sink, const CancelToken &cancel) {
                     return ws.upgrade(target, sink, cancel);
                 });
}

void WorkspaceController::downgrade(const QString &target)
{
    runMigration(Tr::tr("Downgrade to %1").arg(target), Tr::tr("undone"),
                 [target](const Workspace &ws, ProgressSink &sink, const CancelToken &cancel) {
                     return ws.downgrade(target, sink, cancel);
                 });
}

void WorkspaceController::upgradeAll(const QStringList &heads)
{
    runMigration(Tr::tr("Upgrade to %1").arg(heads.join(u", "_s)), Tr::tr("applied"),
                 [heads](const Workspace &ws, ProgressSink &sink,
                         const CancelToken &cancel) -> Result<RunReport> {
                     RunReport all;
                     for (const QString &head : heads) {
                         if (cancel.isCancelled())
                             return Error(Error::Kind::Cancelled,
                                          Tr::tr("Cancelled before %1; the heads before it "
                                                 "were upgraded.").arg(head));
                         const Result<RunReport> one = ws.upgrade(head, sink, cancel);
                         if (!one)
                             return one.error();
                         all.steps += one->steps;
                         all.headsAfter = one->headsAfter;
                     }
                     return all;
                 });
}

void WorkspaceController::stamp(const QStringList &revisions)
{
    runMigration(Tr::tr("Stamp %1").arg(revisions.join(u", "_s)), Tr::tr("stamped"),
                 [revisions](const Workspace &ws, ProgressSink &sink, const CancelToken &cancel) {
                     return ws.stamp(revisions, false, sink, cancel);
                 });
}

// Runs one version-table command on the pool and reports its summary, timed as a whole.
void WorkspaceController::runMigration(const QString &title, const QString &done,
                                       const MigrationCall &call)
{
    if (!hasProject())
        return;
    emit migrationStarted(done);
    run(title, [ws = m_snapshot.workspace, call, title](ProgressSink &sink,
                                                                const CancelToken &cancel)
            -> Result<QString> {
        QElapsedTimer timer;
        timer.start();
        const Result<RunReport> report = call(*ws, sink, cancel);
        if (!report)
            return report.error();
        return summarize(title, *report, timer.elapsed());
    }, true);
}

// A read-only engine call on the pool, busy meanwhile: `call` runs there and returns Result<T>;
// `done` gets the value here; an error goes to operationFailed.
template<typename Call, typename Done>
void WorkspaceController::query(Call call, Done done)
{
    using R = std::invoke_result_t<Call>;
    setBusy(true);
    auto *watcher = new QFutureWatcher<R>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        const R result = watcher->result();
        setBusy(false);
        if (result)
            done(*result);
        else
            emit operationFailed(result.error());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, std::move(call)));
}

void WorkspaceController::checkUpgrade(const QStringList &targets)
{
    if (!hasProject())
        return;
    query([ws = m_snapshot.workspace, heads = m_snapshot.currentHeads,
           targets]() -> Result<QStringList> {
              // The union of each target's plan from the rows as they are: what upgrading to
              // all of them in turn runs.
              QStringList drops;
              for (const QString &target : targets) {
                  const Result<QStringList> some = ws->destructiveStatements(heads, target);
                  if (!some)
                      return some.error();
                  for (const QString &drop : *some) {
                      if (!drops.contains(drop))
                          drops << drop;
                  }
              }
              return drops;
          },
          [this, targets](const QStringList &drops) {
              emit upgradeChecked(targets, drops);
          });
}

void WorkspaceController::previewMigration(const MigrationRequest &request)
{
    if (!hasProject())
        return;
    if (!m_snapshot.databaseStateKnown) {
        const QString why = m_snapshot.databaseError.message;
        emit operationFailed(Error(Error::Kind::Database,
                                   Tr::tr("The database could not be read, so what would run is "
                                          "not known: %1").arg(why)));
        return;
    }
    query([ws = m_snapshot.workspace, heads = m_snapshot.currentHeads, request] {
              return ws->preview(request, heads);
          },
          [this, request](const MigrationPreview &preview) { emit previewReady(request, preview); });
}

void WorkspaceController::probePython()
{
    if (!hasProject() || !m_snapshot.workspace->runsPython())
        return;
    const int generation = ++m_probeGeneration;
    auto *watcher = new QFutureWatcher<Result<AlembicVersions>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_probeGeneration)
            return;
        const Result<AlembicVersions> result = watcher->result();
        if (result)
            emit pythonFound(*result);
        else
            emit pythonMissing(result.error());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [ws = m_snapshot.workspace] {
        return ws->probePython();
    }));
}

void WorkspaceController::showSql(const QString &target, bool upgrade)
{
    if (!hasProject())
        return;
    const QString title = (upgrade ? Tr::tr("Upgrade SQL to %1") : Tr::tr("Downgrade SQL to %1"))
                              .arg(target);
    query([ws = m_snapshot.workspace, heads = m_snapshot.currentHeads, target,
           upgrade] { return ws->planSql(heads, target, !upgrade); },
          [this, title](const QString &sql) { emit sqlReady(title, sql); });
}

void WorkspaceController::newRevision(const QString &message, const QString &head, bool splice)
{
    NewRevision request;
    request.message = message;
    request.splice = splice;
    if (!head.isEmpty())
        request.head = head;
    write(request);
}

void WorkspaceController::merge(const QStringList &revisions, const QString &message)
{
    NewRevision request;
    request.message = message;
    request.mergeOf = revisions;
    write(request);
}

void WorkspaceController::write(const NewRevision &request)
{
    if (!hasProject())
        return;
    query([ws = m_snapshot.workspace, request] { return ws->writeRevision(request); },
          [this](const QString &path) { wrote(path); });
}

void WorkspaceController::wrote(const QString &path)
{
    emit revisionWritten(path);
    refresh();
}

void WorkspaceController::compareSchema()
{
    if (!hasProject())
        return;
    const int generation = ++m_compareGeneration;
    auto *watcher = new QFutureWatcher<Result<SchemaComparison>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_compareGeneration)
            return; // a newer comparison is queued behind this one
        const Result<SchemaComparison> result = watcher->result();
        if (result)
            emit comparisonReady(*result);
        else
            emit comparisonFailed(result.error());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [ws = m_snapshot.workspace] {
        return ws->compare();
    }));
}

void WorkspaceController::writeAutogenerated(const QString &message,
                                             const SchemaComparison &comparison)
{
    if (!hasProject())
        return;
    query([ws = m_snapshot.workspace, message, comparison] {
        return ws->writeAutogenerated(message, comparison);
    }, [this](const QString &path) { wrote(path); });
}

bool WorkspaceController::comparesWithAlembic() const
{
    return hasProject() && m_snapshot.workspace->comparesWithAlembic();
}

// As compareSchema(): not busy, only the newest reported. The project's Python runs env.py,
// which connects to the database; a cancel (closing the window) stops it.
void WorkspaceController::compareAlembic()
{
    if (!hasProject())
        return;
    const int generation = ++m_compareGeneration;
    auto *watcher = new QFutureWatcher<Result<AlembicComparison>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_compareGeneration)
            return;
        const Result<AlembicComparison> result = watcher->result();
        if (result)
            emit alembicComparisonReady(*result);
        else
            emit comparisonFailed(result.error());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [ws = m_snapshot.workspace, cancel = m_cancel] {
        return ws->compareAlembic(*cancel);
    }));
}

void WorkspaceController::writeAlembicRevision(const NewRevision &request)
{
    if (!hasProject())
        return;
    query([ws = m_snapshot.workspace, request] { return ws->writeAlembicRevision(request); },
          [this](const AlembicWrittenRevision &written) {
              emit alembicRevisionWritten(written);
              if (!written.path.isEmpty())
                  wrote(written.path);
          });
}

Result<SchemaComparison> WorkspaceController::withOperations(const SchemaComparison &comparison,
                                                             const Ops::OperationList &operations) const
{
    if (!hasProject())
        return Error(Error::Kind::Config, Tr::tr("No project is open."));
    return m_snapshot.workspace->withOperations(comparison, operations);
}

Result<QString> WorkspaceController::tableDdl(const Schema::Table &table) const
{
    if (!hasProject())
        return Error(Error::Kind::Config, Tr::tr("No project is open."));
    return m_snapshot.workspace->tableDdl(table);
}

Result<Schema::Database> WorkspaceController::applied(const Schema::Database &database,
                                                      const Ops::OperationList &operations)
{
    Schema::Database result = database;
    if (const Result<void> ok = Ops::OperationApplier::apply(result, operations); !ok)
        return ok.error();
    return result;
}

} // namespace Retort::Ui

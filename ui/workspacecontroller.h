#pragma once

#include "projectsnapshot.h"

#include <engine/core/canceltoken.h>
#include <engine/core/progress.h>
#include <engine/core/result.h>
#include <engine/revision/newrevision.h>

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace Retort::Ui {

class ProgressRelay;

// The one place where the GUI calls the engine. Every call runs on a private single-thread pool,
// so a project's jobs run one after another and never on the GUI thread; results and progress
// come back as signals on the GUI thread. Worker lambdas capture values only.
class WorkspaceController : public QObject
{
    Q_OBJECT
public:
    explicit WorkspaceController(QObject *parent = nullptr);
    ~WorkspaceController() override;

    // `location`: a project folder or its retort.ini. `urlOverride`: a named database's URL,
    // empty for the project's own.
    void openProject(const QString &location, const QString &urlOverride = {});
    void setDatabaseUrl(const QString &urlOverride);
    void refresh();
    void cancel();

    // Database operations; each reports through the progress signals and ends with
    // operationFinished or operationFailed.
    void upgrade(const QString &target);
    void downgrade(const QString &target);
    void stamp(const QStringList &revisions);
    // The offline script from the database's current rows to `target` (sqlReady follows).
    void showSql(const QString &target, bool upgrade);
    // Writes a revision on `head` (empty: the only head) / a merge of `revisions`; on success
    // revisionWritten(path) and a reload follow.
    void newRevision(const QString &message, const QString &head = {});
    void merge(const QStringList &revisions, const QString &message);

    // Runs `job` on the pool with a progress sink and the cancel token; the job's value is the
    // summary for operationFinished. The engine operations above go through here.
    using Job = std::function<Result<QString>(ProgressSink &, const CancelToken &)>;
    void run(const QString &title, Job job);

    bool isBusy() const { return m_busy > 0; }
    bool hasProject() const { return !m_location.isEmpty(); }
    const ProjectSnapshot &snapshot() const { return m_snapshot; }
    QString location() const { return m_location; }
    void waitForDone() { m_pool.waitForDone(); } // for tests and shutdown

signals:
    void projectOpened(const Retort::Ui::ProjectSnapshot &snapshot);
    void projectFailed(const Retort::Error &error);
    void busyChanged(bool busy);
    void planReady(int steps);
    void stepStarted(int index, int count, const QString &revision, const QString &message);
    void statementDone(const QString &sql, int line, qint64 ms);
    void stepFinished(int index, const QString &revision, qint64 ms);
    void info(const QString &text);
    void operationFinished(const QString &summary);
    void operationFailed(const Retort::Error &error);
    void revisionWritten(const QString &path);
    void sqlReady(const QString &title, const QString &sql); // Show SQL's offline script

private:
    void load(const QString &location, const QString &urlOverride);
    void write(const NewRevision &request);
    void setBusy(bool busy);
    void onEvent(const Progress::Event &event);

    QThreadPool m_pool;
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<ProgressRelay> m_relay;
    ProjectSnapshot m_snapshot;
    QString m_location;
    QString m_urlOverride;
    int m_busy = 0;
};

} // namespace Retort::Ui

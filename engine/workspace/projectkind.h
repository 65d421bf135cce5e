#pragma once

#include "migrationrequest.h"

#include <engine/core/canceltoken.h>
#include <engine/core/progress.h>
#include <engine/core/result.h>
#include <engine/revision/newrevision.h>
#include <engine/revision/revision.h>
#include <engine/runner/runreport.h>

#include <QList>
#include <QString>

namespace Retort {

class Connection;
class RevisionGraph;

// What differs between kinds of project: where the revisions come from, how a new one is
// written, and how a plan runs. Today's only kind is SqlProject (SQL revision files, run by the
// native runner); an Alembic project (Python modules, run by the project's own Alembic) is the
// next. The graph, the planner and the version table belong to the Workspace and are shared by
// every kind, so the CLI and the GUI never learn which kind they hold. Implementations are
// immutable and may be called from any thread.
class ProjectKind
{
public:
    virtual ~ProjectKind() = default;

    // Every revision of the project, in the order the graph is built from. Errors name the file
    // (and line) at fault.
    virtual Result<QList<Revision>> loadRevisions() const = 0;
    // Writes a new revision, or a merge when request.mergeOf is set, and returns its path.
    // request.createDate is set. Nothing is written when the request is refused.
    virtual Result<QString> writeRevision(const RevisionGraph &graph,
                                          const NewRevision &request) const = 0;
    // True when the facade compares the models with the database (Retort's differ and the
    // `schema` files); false when the kind's own tool does (Alembic's autogenerate through
    // writeRevision with request.autogenerate).
    virtual bool comparesNatively() const { return true; }
    // True when run() works on the facade's connection to the database (the native runner);
    // false when the kind reaches the database itself (the project's own Alembic) and run()
    // gets no connection.
    virtual bool runsOnConnection() const { return true; }
    // Runs an upgrade, downgrade or stamp; `connection` is the open connection to the project's
    // database when runsOnConnection(), else null.
    virtual Result<RunReport> run(const MigrationRequest &request, const RevisionGraph &graph,
                                  Connection *connection, ProgressSink &sink,
                                  const CancelToken &cancel) const = 0;
    // The offline script (--sql) of the request from the rows `fromHeads`, without connecting.
    virtual Result<QString> offlineScript(const MigrationRequest &request,
                                          const QStringList &fromHeads,
                                          const RevisionGraph &graph) const = 0;
};

} // namespace Retort

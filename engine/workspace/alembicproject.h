#pragma once

#include "alembiccomparison.h"
#include "projectkind.h"

#include <engine/alembic/alembicbridge.h>
#include <engine/alembic/alembicconfig.h>
#include <engine/alembic/pythonlocator.h>

namespace Retort {

// An existing Alembic project opened in place (README "Using Retort with an existing Alembic
// project"): revision modules are read natively (AlembicDirectory, never run), and only what
// runs Python goes through the project's own Alembic (AlembicBridge): upgrade, downgrade,
// stamp, new revisions and merges, offline --sql, and modules whose ids are not literals.
// Immutable; any thread.
class AlembicProject final : public ProjectKind
{
public:
    // `urlOverride`: a Retort URL from --url or RETORT_URL, handed to env.py as sqlalchemy.url;
    // empty to leave the project's own. `xArguments`: `-x KEY=VALUE` for env.py, as Alembic's
    // command line passes them (context.get_x_argument).
    AlembicProject(AlembicConfig config, PythonLocator::Options python, QString urlOverride = {},
                   QStringList xArguments = {});

    Result<QList<Revision>> loadRevisions() const override;
    Result<QString> writeRevision(const RevisionGraph &graph,
                                  const NewRevision &request) const override;
    bool runsOnConnection() const override { return false; }
    bool comparesNatively() const override { return false; }
    Result<RunReport> run(const MigrationRequest &request, const RevisionGraph &graph,
                          Connection *connection, ProgressSink &sink,
                          const CancelToken &cancel) const override;
    Result<QString> offlineScript(const MigrationRequest &request, const QStringList &fromHeads,
                                  const RevisionGraph &graph) const override;

    // Alembic's own autogenerate comparison through env.py (the bridge's `compare`).
    Result<AlembicComparison> compare(const CancelToken &cancel) const;
    // A new revision (request.keepOperations, renameOperations and writeEmpty honoured) with
    // what Alembic and Retort did to it; writeRevision() is this for its path.
    Result<AlembicWrittenRevision> writeNewRevision(const NewRevision &request) const;

    const AlembicConfig &config() const { return m_config; }
    // The SQLAlchemy URL env.py connects to (asked of the project's Python, which runs env.py
    // up to its connect), for projects whose alembic.ini has no usable sqlalchemy.url.
    Result<QString> environmentUrl() const;
    // The project's Python and the Alembic in it (AlembicBridge::probe); starts the interpreter.
    Result<AlembicVersions> probe() const;

private:
    Result<AlembicBridge> bridge() const;
    Result<QJsonObject> call(QJsonObject request, ProgressSink &sink,
                             const CancelToken &cancel = CancelToken()) const;
    // Fills the graph fields of dynamic modules from Alembic's own reading of them.
    Result<> resolveDynamic(QList<Revision> &revisions, const QStringList &dynamicPaths) const;

    AlembicConfig m_config;
    PythonLocator::Options m_python;
    QString m_urlOverride;
    QStringList m_xArguments;
};

} // namespace Retort

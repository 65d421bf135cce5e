#pragma once

#include "projectkind.h"

#include <engine/config/config.h>
#include <engine/config/databaseurl.h>

namespace Retort {

// A Retort project: SQL revision files in versions/ (README "Revision files"), run by the native
// runner. Immutable; any thread.
class SqlProject final : public ProjectKind
{
public:
    SqlProject(Config config, Result<DatabaseUrl> url);

    Result<QList<Revision>> loadRevisions() const override;
    Result<QString> writeRevision(const RevisionGraph &graph,
                                  const NewRevision &request) const override;
    Result<RunReport> run(const MigrationRequest &request, const RevisionGraph &graph,
                          Connection *connection, ProgressSink &sink,
                          const CancelToken &cancel) const override;
    Result<QString> offlineScript(const MigrationRequest &request, const QStringList &fromHeads,
                                  const RevisionGraph &graph) const override;

private:
    Config m_config;
    Result<DatabaseUrl> m_url;
};

} // namespace Retort

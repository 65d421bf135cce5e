#pragma once

#include <engine/config/config.h>
#include <engine/config/databaseurl.h>
#include <engine/core/result.h>
#include <engine/revision/newrevision.h>
#include <engine/revision/revisiongraph.h>

namespace Retort {

// The facade that the CLI and the GUI use: one project and its database. A small value (copy it
// into worker lambdas); every call that touches the database opens and closes its own connection
// on the calling thread.
class Workspace
{
public:
    // `location`: a retort.ini, a project folder, or empty (search from the current directory).
    // `urlOverride` (from --url) wins over RETORT_URL and the ini.
    static Result<Workspace> open(const QString &location, const QString &urlOverride = {});
    explicit Workspace(Config config);

    const Config &config() const { return m_config; }
    Result<DatabaseUrl> databaseUrl() const;

    // Reads versions/ and builds the graph; errors name the file (and line) at fault.
    Result<RevisionGraph> loadGraph() const;
    // Writes a new revision (or a merge, when request.mergeOf is set) into versions/ and returns
    // its path. Nothing is written when the request is refused.
    Result<QString> writeRevision(const NewRevision &request) const;

private:
    Result<QString> writeNew(const Revision &revision, const QDateTime &createDate) const;

    Config m_config;
};

} // namespace Retort

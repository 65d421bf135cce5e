#pragma once

#include <engine/config/config.h>
#include <engine/core/canceltoken.h>
#include <engine/core/progress.h>
#include <engine/databasestate.h>
#include <engine/runner/runreport.h>
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

    // The database's version-table rows, with edited and unknown revisions flagged.
    Result<DatabaseState> databaseState() const;
    Result<DatabaseState> databaseState(const RevisionGraph &graph) const;
    // Run revisions (SPEC 4): lock, re-read the rows, plan, one transaction per revision.
    Result<RunReport> upgrade(const QString &target, ProgressSink &sink,
                              const CancelToken &cancel = CancelToken()) const;
    Result<RunReport> downgrade(const QString &target, ProgressSink &sink,
                                const CancelToken &cancel = CancelToken()) const;
    Result<RunReport> stamp(const QStringList &targets, bool purge, ProgressSink &sink,
                            const CancelToken &cancel = CancelToken()) const;
    // Offline scripts (--sql), without connecting. range: "TO" (from base) or "FROM:TO";
    // downgrades require "FROM:TO".
    Result<QString> upgradeSql(const QString &range) const;
    Result<QString> downgradeSql(const QString &range) const;
    Result<QString> stampSql(const QStringList &targets) const;
    // The offline script from the given rows to target, for "Show SQL" in the GUI.
    Result<QString> planSql(const QStringList &fromHeads, const QString &target, bool downgrade) const;

private:
    enum class RunKind { Upgrade, Downgrade, Stamp };
    Result<RunReport> run(RunKind kind, const QStringList &targets, bool purge, ProgressSink &sink,
                          const CancelToken &cancel) const;
    Result<QString> writeNew(const Revision &revision, const QDateTime &createDate) const;

    Config m_config;
};

} // namespace Retort

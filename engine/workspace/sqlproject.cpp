#include "sqlproject.h"

#include <engine/core/enginetr.h>
#include <engine/core/retortassert.h>
#include <engine/revision/revisionauthor.h>
#include <engine/revision/revisiongraph.h>
#include <engine/revision/revisionscript.h>
#include <engine/revision/scriptdirectory.h>
#include <engine/runner/offlinescript.h>
#include <engine/runner/runner.h>

#include <QDir>
#include <QFileInfo>

namespace Retort {

SqlProject::SqlProject(Config config, Result<DatabaseUrl> url)
    : m_config(std::move(config))
    , m_url(std::move(url))
{}

Result<QList<Revision>> SqlProject::loadRevisions() const
{
    const QString dir = m_config.versionsDir();
    if (!QFileInfo(dir).isDir())
        return Error(Error::Kind::Config,
                     Tr::tr("The versions folder %1 does not exist; check script_location.").arg(dir),
                     m_config.iniPath);
    return ScriptDirectory::load(dir);
}

Result<QString> SqlProject::writeRevision(const RevisionGraph &graph,
                                          const NewRevision &request) const
{
    const Result<Revision> revision = request.mergeOf.isEmpty()
                                          ? RevisionAuthor::newRevision(graph, request)
                                          : RevisionAuthor::merge(graph, request);
    if (!revision)
        return revision.error();
    const QString name = RevisionScript::fileName(m_config.fileTemplate, *revision,
                                                  request.createDate);
    if (!ScriptDirectory::isScriptName(name))
        return Error(Error::Kind::Config,
                     Tr::tr("'file_template' makes the file name '%1', which is not a plain '.sql' "
                            "name inside versions/ that does not start with '.'; nothing was "
                            "written.").arg(name),
                     m_config.iniPath, m_config.fileTemplateLine);
    const QString path = QDir(m_config.versionsDir()).absoluteFilePath(name);
    if (Result<> written = RevisionScript::write(*revision, path); !written)
        return written.error();
    return path;
}

Result<RunReport> SqlProject::run(const MigrationRequest &request, const RevisionGraph &graph,
                                  Connection *connection, ProgressSink &sink,
                                  const CancelToken &cancel) const
{
    RunOptions options = RunOptions::fromConfig(m_config);
    options.purge = request.purge;
    options.foreignKeyCheck = request.foreignKeyCheck;
    RETORT_ASSERT(connection, return Error(Error::Kind::Internal, Tr::tr("No connection.")));
    Runner runner(*connection, options, Runner::lookupIn(graph));
    const auto plan = [&](const QStringList &heads) { return request.plan(graph, heads); };
    if (request.kind == MigrationRequest::Kind::Stamp)
        return runner.stamp(plan, sink, cancel);
    return runner.migrate(plan, sink, cancel);
}

Result<QString> SqlProject::offlineScript(const MigrationRequest &request,
                                          const QStringList &fromHeads,
                                          const RevisionGraph &graph) const
{
    if (!m_url)
        return m_url.error();
    const Result<MigrationPlan> plan = request.plan(graph, fromHeads);
    if (!plan)
        return plan.error();
    const RunOptions options = RunOptions::fromConfig(m_config);
    if (request.kind == MigrationRequest::Kind::Stamp)
        return OfflineScript::renderStamp(m_url->dialect, *plan, Runner::lookupIn(graph), options);
    return OfflineScript::render(m_url->dialect, *plan, Runner::lookupIn(graph), options);
}

} // namespace Retort

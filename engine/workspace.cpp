#include "workspace.h"

#include <engine/config/configloader.h>
#include <engine/config/projectcreator.h>
#include <engine/core/enginetr.h>
#include <engine/revision/revisionauthor.h>
#include <engine/revision/revisionscript.h>
#include <engine/revision/scriptdirectory.h>

#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

Workspace::Workspace(Config config)
    : m_config(std::move(config))
{}

Result<Workspace> Workspace::open(const QString &location, const QString &urlOverride)
{
    QString ini;
    if (location.isEmpty()) {
        const Result<QString> found = ConfigLoader::find(QDir::currentPath());
        if (!found)
            return found.error();
        ini = *found;
    } else if (QFileInfo(location).isDir()) {
        ini = QDir(location).absoluteFilePath(QString::fromLatin1(ConfigLoader::fileName));
        if (!QFileInfo::exists(ini))
            return Error(Error::Kind::Config,
                         Tr::tr("%1 is not a Retort project: it has no retort.ini.").arg(location));
    } else {
        ini = location;
    }
    Result<Config> config = ConfigLoader::load(ini, urlOverride);
    if (!config)
        return config.error();
    return Workspace(std::move(*config));
}

Result<QStringList> Workspace::createProject(const QString &dir)
{
    return ProjectCreator::create(dir);
}

Result<DatabaseUrl> Workspace::databaseUrl() const
{
    Result<DatabaseUrl> url = DatabaseUrl::parse(m_config.url, m_config.projectDir);
    if (!url && m_config.urlSource != u"--url" && m_config.urlSource != u"RETORT_URL"
        && !m_config.url.isEmpty())
        return Error(url.error().kind, url.error().message, m_config.iniPath);
    return url;
}

Result<RevisionGraph> Workspace::loadGraph() const
{
    const QString dir = m_config.versionsDir();
    if (!QFileInfo(dir).isDir())
        return Error(Error::Kind::Config,
                     Tr::tr("The versions folder %1 does not exist; check script_location.").arg(dir),
                     m_config.iniPath);
    Result<QList<Revision>> revisions = ScriptDirectory::load(dir);
    if (!revisions)
        return revisions.error();
    return RevisionGraph::build(std::move(*revisions));
}

Result<QString> Workspace::writeRevision(const NewRevision &request) const
{
    const Result<RevisionGraph> graph = loadGraph();
    if (!graph)
        return graph.error();
    const Result<Revision> revision = request.mergeOf.isEmpty()
                                          ? RevisionAuthor::newRevision(*graph, request)
                                          : RevisionAuthor::merge(*graph, request);
    if (!revision)
        return revision.error();
    return writeNew(*revision, request.createDate.isValid() ? request.createDate
                                                            : QDateTime::currentDateTime());
}

Result<QString> Workspace::writeNew(const Revision &revision, const QDateTime &createDate) const
{
    const QString name = RevisionScript::fileName(m_config.fileTemplate, revision, createDate);
    if (!ScriptDirectory::isScriptName(name))
        return Error(Error::Kind::Config,
                     Tr::tr("'file_template' makes the file name '%1', which is not a plain '.sql' "
                            "name inside versions/ that does not start with '.'; nothing was "
                            "written.").arg(name),
                     m_config.iniPath, m_config.fileTemplateLine);
    const QString path = QDir(m_config.versionsDir()).absoluteFilePath(name);
    if (Result<> written = RevisionScript::write(revision, path); !written)
        return written.error();
    return path;
}

} // namespace Retort

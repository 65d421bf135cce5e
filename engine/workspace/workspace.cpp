#include "workspace.h"

#include "sqlproject.h"

#include <engine/config/configloader.h>
#include <engine/config/projectcreator.h>
#include <engine/core/enginetr.h>

#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// Errors of a URL that came from the ini name the ini (--url and RETORT_URL have no file).
Result<DatabaseUrl> parseUrl(const Config &config)
{
    Result<DatabaseUrl> url = DatabaseUrl::parse(config.url, config.projectDir);
    if (!url && config.urlSource == Config::UrlSource::Ini)
        return Error(url.error().kind, url.error().message, config.iniPath);
    return url;
}

} // namespace

Workspace::Workspace(Config config)
    : m_config(std::move(config))
    , m_url(parseUrl(m_config))
    , m_kind(std::make_shared<SqlProject>(m_config, m_url))
{}

Workspace::Workspace(Config config, std::shared_ptr<const ProjectKind> kind)
    : m_config(std::move(config))
    , m_url(parseUrl(m_config))
    , m_kind(std::move(kind))
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

Result<RevisionGraph> Workspace::loadGraph() const
{
    Result<QList<Revision>> revisions = m_kind->loadRevisions();
    if (!revisions)
        return revisions.error();
    return RevisionGraph::build(std::move(*revisions));
}

// The clock is read once here, so that the header's Create Date and a file name made from
// %(year)d... agree.
Result<QString> Workspace::writeRevision(NewRevision request) const
{
    const Result<RevisionGraph> graph = loadGraph();
    if (!graph)
        return graph.error();
    if (!request.createDate.isValid())
        request.createDate = QDateTime::currentDateTime();
    return m_kind->writeRevision(*graph, request);
}

} // namespace Retort

#include "workspace.h"

#include "alembicproject.h"
#include "sqlproject.h"

#include <engine/alembic/alembicini.h>
#include <engine/alembic/sqlalchemyurl.h>

#include <engine/config/configloader.h>
#include <engine/config/projectcreator.h>
#include <engine/core/enginetr.h>

#include <QDir>
#include <QFile>
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

namespace {

bool isAlembicIni(const QString &path)
{
    if (QFileInfo(path).fileName() == QLatin1String(ConfigLoader::fileName))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.readAll().contains("[alembic]");
}

// The nearest project file from `dir` upwards: retort.ini, else alembic.ini, folder by folder
// (a retort.ini beside an alembic.ini wins: the project chose Retort's own format).
QString findProjectFile(const QString &dir)
{
    const Result<QString> retort = ConfigLoader::find(dir);
    const QString alembic = AlembicIni::find(dir);
    if (!retort)
        return alembic;
    if (alembic.isEmpty())
        return *retort;
    const auto depth = [](const QString &path) { return QFileInfo(path).absolutePath().size(); };
    return depth(alembic) > depth(*retort) ? alembic : *retort;
}

} // namespace

Result<QString> Workspace::projectFile(const QString &location)
{
    if (location.isEmpty()) {
        const QString ini = findProjectFile(QDir::currentPath());
        if (ini.isEmpty())
            return ConfigLoader::find(QDir::currentPath()).error();
        return ini;
    }
    if (!QFileInfo(location).isDir())
        return location;
    const QDir dir(location);
    QString ini = dir.absoluteFilePath(QString::fromLatin1(ConfigLoader::fileName));
    if (!QFileInfo::exists(ini))
        ini = dir.absoluteFilePath(u"alembic.ini"_s);
    if (!QFileInfo::exists(ini))
        return Error(Error::Kind::Config,
                     Tr::tr("%1 is not a Retort or Alembic project: it has no retort.ini or "
                            "alembic.ini.").arg(location));
    return ini;
}

Result<Workspace> Workspace::open(const QString &location, const QString &urlOverride,
                                  const PythonLocator::Options &python,
                                  const QStringList &xArguments)
{
    const Result<QString> ini = projectFile(location);
    if (!ini)
        return ini.error();
    if (isAlembicIni(*ini))
        return openAlembic(*ini, urlOverride, python, xArguments);
    if (!xArguments.isEmpty())
        return Error(Error::Kind::Usage,
                     Tr::tr("-x %1: -x arguments are for env.py and apply to Alembic projects "
                            "only; %2 is a Retort project.")
                         .arg(xArguments.first(), *ini));
    Result<Config> config = ConfigLoader::load(*ini, urlOverride);
    if (!config)
        return config.error();
    return Workspace(std::move(*config));
}

// An Alembic project keeps its own files; what the facade needs of them becomes a Config: the
// URL (--url, RETORT_URL, sqlalchemy.url, else the one env.py connects to), the versions
// folder for watching, Alembic's version table and no history table (the project's own
// Alembic runs the revisions, and Retort adds no table to its database).
Result<Workspace> Workspace::openAlembic(const QString &ini, const QString &urlOverride,
                                         PythonLocator::Options python,
                                         const QStringList &xArguments)
{
    const Result<AlembicConfig> alembic = AlembicIni::read(ini, u"alembic"_s, QDir::currentPath());
    if (!alembic)
        return alembic.error();
    Config config;
    config.iniPath = alembic->iniPath;
    config.projectDir = QFileInfo(alembic->iniPath).absolutePath();
    config.scriptLocation = alembic->scriptLocation;
    config.schema.clear();
    config.tables.historyTable.clear();
    config.fileTemplate = alembic->fileTemplate;
    const QString environment = qEnvironmentVariable("RETORT_URL");
    if (!urlOverride.isEmpty()) {
        config.url = urlOverride;
        config.urlSource = Config::UrlSource::CommandLine;
    } else if (!environment.isEmpty()) {
        config.url = environment;
        config.urlSource = Config::UrlSource::Environment;
    }
    python.iniPath = alembic->iniPath;
    const auto kind = std::make_shared<AlembicProject>(*alembic, std::move(python), config.url,
                                                       xArguments);
    if (config.url.isEmpty()) {
        QString sqlalchemy = alembic->sqlalchemyUrl;
        if (sqlalchemy.isEmpty() || sqlalchemy.contains(u"driver://"_s)) {
            // Typical of FastAPI templates: env.py reads the URL from settings. Ask it.
            const Result<QString> fromEnv = kind->environmentUrl();
            sqlalchemy = fromEnv ? *fromEnv : QString();
        }
        const Result<QString> url = SqlAlchemyUrl::toRetortUrl(sqlalchemy, config.projectDir);
        if (url)
            config.url = *url;
    }
    return Workspace(std::move(config), kind);
}

// The one question the facade asks of the kind's type: the GUI shows the interpreter only for
// projects that run one, and a virtual on ProjectKind for it would serve a single kind.
bool Workspace::runsPython() const
{
    return dynamic_cast<const AlembicProject *>(m_kind.get()) != nullptr;
}

Result<AlembicVersions> Workspace::probePython() const
{
    const auto *alembic = dynamic_cast<const AlembicProject *>(m_kind.get());
    if (!alembic)
        return Error(Error::Kind::Config, Tr::tr("%1 is not an Alembic project; it runs no Python.")
                                              .arg(m_config.iniPath));
    return alembic->probe();
}

Result<QStringList> Workspace::createProject(const QString &dir, const QString &models)
{
    return ProjectCreator::create(dir, models);
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

#include "workspace.h"

#include <engine/config/configloader.h>
#include <engine/core/enginetr.h>

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

Result<DatabaseUrl> Workspace::databaseUrl() const
{
    Result<DatabaseUrl> url = DatabaseUrl::parse(m_config.url, m_config.projectDir);
    if (!url && m_config.urlSource != u"--url" && m_config.urlSource != u"RETORT_URL"
        && !m_config.url.isEmpty())
        return Error(url.error().kind, url.error().message, m_config.iniPath);
    return url;
}

} // namespace Retort

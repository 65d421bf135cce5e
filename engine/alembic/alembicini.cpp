#include "alembicini.h"

#include "pythonconfigparser.h"

#include <engine/core/enginetr.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

Error iniError(const QString &message, const QString &path, int line = 0)
{
    return Error(Error::Kind::Config, message, path, line);
}

// See the class comment: the ini's folder first, then the working directory.
Result<QString> resolveLocation(const QString &location, const QString &key, const QString &iniDir,
                                const QString &workingDir, const QString &iniPath, int line)
{
    if (QDir::isAbsolutePath(location))
        return QDir::cleanPath(location);
    if (location.contains(u':'))
        return iniError(Tr::tr("%1 '%2' names a Python package resource, which Retort does not "
                               "read; give a folder path (e.g. %%(here)s/migrations).")
                            .arg(key, location),
                        iniPath, line);
    const QString besideIni = QDir::cleanPath(QDir(iniDir).absoluteFilePath(location));
    const QString cwd = workingDir.isEmpty() ? QDir::currentPath() : workingDir;
    const QString underCwd = QDir::cleanPath(QDir(cwd).absoluteFilePath(location));
    if (!QFileInfo::exists(besideIni) && QFileInfo::exists(underCwd))
        return underCwd;
    return besideIni;
}

QStringList splitVersionLocations(const QString &value, const QString &separator)
{
    if (separator.isEmpty()) // Alembic's _split_on_space_comma: ", *|(?: +)"
        return value.split(QRegularExpression(u", *| +"_s), Qt::SkipEmptyParts);
    QString sep = separator;
    if (separator == u"os")
        sep = QDir::listSeparator();
    else if (separator == u"space")
        sep = u" "_s;
    else if (separator == u"newline")
        sep = u"\n"_s;
    QStringList out;
    for (const QString &item : value.split(sep, Qt::SkipEmptyParts)) {
        const QString trimmed = separator == u"newline" ? item.trimmed() : item;
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
    return out;
}

bool isTrue(const QString &value)
{
    const QString v = value.toLower();
    return v == u"true" || v == u"yes" || v == u"on" || v == u"1";
}

} // namespace

namespace {

// The [alembic] section's keys into an AlembicConfig. Only the keys read are interpolated, as
// Alembic's get_main_option does: a bad reference in an unused key is no error.
class SectionReader
{
public:
    SectionReader(const PythonConfigParser &ini, AlembicConfig &config, const QString &workingDir)
        : m_ini(ini)
        , m_config(config)
        , m_here(QFileInfo(config.iniPath).absolutePath())
        , m_workingDir(workingDir)
    {}

    // *out gets the interpolated value; false when the key is absent.
    Result<bool> text(const QString &key, QString *out) const
    {
        if (!m_ini.hasOption(m_config.section, key))
            return false;
        const Result<QString> v = m_ini.value(m_config.section, key);
        if (!v)
            return v.error();
        *out = *v;
        return true;
    }

    int line(const QString &key) const { return m_ini.line(m_config.section, key); }

    Result<> locations()
    {
        QString value;
        Result<bool> has = text(u"script_location"_s, &value);
        if (!has)
            return has.error();
        if (!*has)
            return iniError(Tr::tr("No 'script_location' key in section [%1].")
                                .arg(m_config.section),
                            m_config.iniPath);
        Result<QString> location = resolveLocation(value, u"script_location"_s, m_here,
                                                   m_workingDir, m_config.iniPath,
                                                   line(u"script_location"_s));
        if (!location)
            return location.error();
        m_config.scriptLocation = *location;

        QString locations;
        if (has = text(u"version_locations"_s, &locations); !has)
            return has.error();
        if (!*has || locations.isEmpty()) {
            // Alembic reads version_path_separator only with version_locations set, so the
            // separator line of its own template ("os  # Use os.pathsep. ...": ConfigParser
            // keeps inline comments) is harmless until then.
            m_config.versionLocations = {QDir(m_config.scriptLocation).filePath(u"versions"_s)};
            return {};
        }
        if (has = text(u"version_path_separator"_s, &value); !has)
            return has.error();
        if (*has) {
            static const QStringList known{u"os"_s, u":"_s, u";"_s, u"space"_s, u"newline"_s};
            if (!known.contains(value))
                return iniError(Tr::tr("'%1' is not a valid version_path_separator; expected "
                                       "'space', 'newline', 'os', ':' or ';'.").arg(value),
                                m_config.iniPath, line(u"version_path_separator"_s));
            m_config.versionPathSeparator = value;
        }
        value = locations;
        m_config.versionLocationsSet = true;
        for (const QString &item : splitVersionLocations(value, m_config.versionPathSeparator)) {
            location = resolveLocation(item, u"version_locations"_s, m_here, m_workingDir,
                                       m_config.iniPath, line(u"version_locations"_s));
            if (!location)
                return location.error();
            m_config.versionLocations.append(*location);
        }
        return {};
    }

    Result<> options()
    {
        QString value;
        Result<bool> has = text(u"truncate_slug_length"_s, &value);
        if (!has)
            return has.error();
        if (*has) {
            bool ok = false;
            const int length = value.trimmed().toInt(&ok);
            if (!ok)
                return iniError(Tr::tr("truncate_slug_length '%1' is not a number.").arg(value),
                                m_config.iniPath, line(u"truncate_slug_length"_s));
            m_config.truncateSlugLength = length == 0 ? 40 : length; // "... or 40"
        }
        const QList<QPair<QString, QString *>> texts{
            {u"file_template"_s, &m_config.fileTemplate},
            {u"sqlalchemy.url"_s, &m_config.sqlalchemyUrl},
            {u"timezone"_s, &m_config.timezone},
            {u"output_encoding"_s, &m_config.outputEncoding}};
        for (const auto &[key, target] : texts) {
            if (has = text(key, target); !has)
                return has.error();
        }
        if (has = text(u"recursive_version_locations"_s, &value); !has)
            return has.error();
        m_config.recursiveVersionLocations = *has && isTrue(value);
        if (has = text(u"sourceless"_s, &value); !has)
            return has.error();
        m_config.sourceless = *has && value == u"true";
        if (has = text(u"prepend_sys_path"_s, &value); !has)
            return has.error();
        if (*has && !value.isEmpty()) // _split_on_space_comma_colon
            m_config.prependSysPath = value.split(QRegularExpression(u", *| +|:"_s));
        return {};
    }

private:
    const PythonConfigParser &m_ini;
    AlembicConfig &m_config;
    QString m_here;
    QString m_workingDir;
};

} // namespace

Result<AlembicConfig> AlembicIni::parse(const QString &text, const QString &iniPath,
                                        const QString &section, const QString &workingDir)
{
    AlembicConfig config;
    config.iniPath = QFileInfo(iniPath).absoluteFilePath();
    config.section = section;
    const QString here = QFileInfo(config.iniPath).absolutePath();
    const Result<PythonConfigParser> ini = PythonConfigParser::parse(text, config.iniPath,
                                                                     {{u"here"_s, here}});
    if (!ini)
        return ini.error();
    if (!ini->hasSection(section))
        return iniError(Tr::tr("The file has no [%1] section.").arg(section), config.iniPath);
    SectionReader reader(*ini, config, workingDir);
    if (Result<> r = reader.locations(); !r)
        return r.error();
    if (Result<> r = reader.options(); !r)
        return r.error();
    return config;
}

Result<AlembicConfig> AlembicIni::read(const QString &iniPath, const QString &section,
                                       const QString &workingDir)
{
    const QString path = QFileInfo(iniPath).absoluteFilePath();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return iniError(Tr::tr("Cannot read the Alembic configuration: %1.")
                            .arg(file.errorString()),
                        path);
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    return parse(text, path, section, workingDir);
}

QString AlembicIni::find(const QString &startDir)
{
    QDir dir(QFileInfo(startDir).absoluteFilePath());
    for (;;) {
        const QString candidate = dir.filePath(u"alembic.ini"_s);
        if (QFileInfo(candidate).isFile())
            return QDir::cleanPath(candidate);
        if (!dir.cdUp())
            return {};
    }
}

} // namespace Retort

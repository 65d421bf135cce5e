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
    // Only the keys read are interpolated, as Alembic's get_main_option does.
    auto get = [&](const QString &key, QString *out) -> Result<bool> {
        if (!ini->hasOption(section, key))
            return false;
        const Result<QString> v = ini->value(section, key);
        if (!v)
            return v.error();
        *out = *v;
        return true;
    };
    QString value;
    Result<bool> has = get(u"script_location"_s, &value);
    if (!has)
        return has.error();
    if (!*has)
        return iniError(Tr::tr("No 'script_location' key in section [%1].").arg(section),
                        config.iniPath);
    Result<QString> location = resolveLocation(value, u"script_location"_s, here, workingDir,
                                               config.iniPath,
                                               ini->line(section, u"script_location"_s));
    if (!location)
        return location.error();
    config.scriptLocation = *location;

    if (has = get(u"version_path_separator"_s, &value); !has)
        return has.error();
    if (*has) {
        static const QStringList known{u"os"_s, u":"_s, u";"_s, u"space"_s, u"newline"_s};
        if (!known.contains(value))
            return iniError(Tr::tr("'%1' is not a valid version_path_separator; expected "
                                   "'space', 'newline', 'os', ':' or ';'.").arg(value),
                            config.iniPath, ini->line(section, u"version_path_separator"_s));
        config.versionPathSeparator = value;
    }
    if (has = get(u"version_locations"_s, &value); !has)
        return has.error();
    if (*has && !value.isEmpty()) {
        config.versionLocationsSet = true;
        const int line = ini->line(section, u"version_locations"_s);
        for (const QString &item : splitVersionLocations(value, config.versionPathSeparator)) {
            location = resolveLocation(item, u"version_locations"_s, here, workingDir,
                                       config.iniPath, line);
            if (!location)
                return location.error();
            config.versionLocations.append(*location);
        }
    } else {
        config.versionLocations = {QDir(config.scriptLocation).filePath(u"versions"_s)};
    }

    if (has = get(u"truncate_slug_length"_s, &value); !has)
        return has.error();
    if (*has) {
        bool ok = false;
        const int length = value.trimmed().toInt(&ok);
        if (!ok)
            return iniError(Tr::tr("truncate_slug_length '%1' is not a number.").arg(value),
                            config.iniPath, ini->line(section, u"truncate_slug_length"_s));
        config.truncateSlugLength = length == 0 ? 40 : length; // "truncate_slug_length or 40"
    }
    struct Text
    {
        const char16_t *key;
        QString *target;
    };
    for (const Text &t : {Text{u"file_template", &config.fileTemplate},
                          Text{u"sqlalchemy.url", &config.sqlalchemyUrl},
                          Text{u"timezone", &config.timezone},
                          Text{u"output_encoding", &config.outputEncoding}}) {
        if (has = get(QString::fromUtf16(t.key), t.target); !has)
            return has.error();
    }
    if (has = get(u"recursive_version_locations"_s, &value); !has)
        return has.error();
    config.recursiveVersionLocations = *has && isTrue(value);
    if (has = get(u"sourceless"_s, &value); !has)
        return has.error();
    config.sourceless = *has && value == u"true";
    if (has = get(u"prepend_sys_path"_s, &value); !has)
        return has.error();
    if (*has && !value.isEmpty()) // _split_on_space_comma_colon
        config.prependSysPath = value.split(QRegularExpression(u", *| +|:"_s));
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

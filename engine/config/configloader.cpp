#include "configloader.h"

#include <engine/core/enginetr.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

struct IniEntry
{
    QString value;
    int line = 0;
};

// Reads section [retort] the way Python's configparser does: "key = value" or "key: value",
// '#' and ';' comment lines, indented lines continue the previous value.
Result<QHash<QString, IniEntry>> readRetortSection(const QByteArray &contents, const QString &path)
{
    const QStringList lines = QString::fromUtf8(contents).split(u'\n');
    QHash<QString, IniEntry> entries;
    QString section;
    QString lastKey;
    bool sawSection = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString raw = QString(lines[i]).remove(u'\r');
        const QString text = raw.trimmed();
        if (text.isEmpty() || text.startsWith(u'#') || text.startsWith(u';'))
            continue;
        if (raw.front().isSpace() && !lastKey.isEmpty()) {
            entries[lastKey].value += u'\n' + text;
            continue;
        }
        if (text.startsWith(u'[')) {
            if (!text.endsWith(u']'))
                return Error(Error::Kind::Config, Tr::tr("Malformed section header '%1'.").arg(text),
                             path, i + 1);
            section = text.mid(1, text.size() - 2).trimmed();
            sawSection = sawSection || section == u"retort";
            lastKey.clear();
            continue;
        }
        const qsizetype eq = text.indexOf(QRegularExpression(u"[=:]"_s));
        if (eq <= 0)
            return Error(Error::Kind::Config,
                         Tr::tr("Expected 'key = value', found '%1'.").arg(text), path, i + 1);
        if (section != u"retort") {
            lastKey.clear();
            continue;
        }
        lastKey = text.left(eq).trimmed().toLower();
        entries.insert(lastKey, IniEntry{text.mid(eq + 1).trimmed(), i + 1});
    }
    if (!sawSection)
        return Error(Error::Kind::Config, Tr::tr("No [retort] section found."), path);
    return entries;
}

QStringList splitList(const QString &value)
{
    return value.split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts);
}

Result<bool> parseBool(const IniEntry &entry, const QString &key, const QString &path)
{
    const QString v = entry.value.toLower();
    if (v == u"true" || v == u"yes" || v == u"on" || v == u"1")
        return true;
    if (v == u"false" || v == u"no" || v == u"off" || v == u"0")
        return false;
    return Error(Error::Kind::Config,
                 Tr::tr("'%1' must be true or false, not '%2'.").arg(key, entry.value), path, entry.line);
}

// What can be told from the template alone; Workspace checks each name it renders as well.
// Revisions are loaded from versions/ only, as plain "*.sql" names not starting with '.', so a
// template that leads elsewhere would write files that history never shows.
QString fileTemplateProblem(const QString &fileTemplate)
{
    if (fileTemplate.trimmed().isEmpty())
        return Tr::tr("'file_template' is empty; it must make a file name, e.g. %(rev)s_%(slug)s.");
    if (fileTemplate.contains(u'/') || fileTemplate.contains(u'\\'))
        return Tr::tr("'file_template' '%1' contains a path separator; revision files must be plain "
                      "names inside versions/, where they are loaded from.").arg(fileTemplate);
    if (fileTemplate.startsWith(u'.'))
        return Tr::tr("'file_template' '%1' starts with '.'; such files are hidden and never "
                      "loaded.").arg(fileTemplate);
    return {};
}

Result<> applyEntries(const QHash<QString, IniEntry> &entries, const QString &path, Config &config,
                      const QProcessEnvironment &env)
{
    static const QStringList known{u"script_location"_s, u"url"_s, u"schema"_s, u"schema_command"_s,
                                   u"models"_s, u"dev_url"_s, u"version_table"_s, u"history_table"_s,
                                   u"transaction_per_migration"_s, u"file_template"_s,
                                   u"exclude_tables"_s};
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        const QString &key = it.key();
        if (!known.contains(key))
            return Error(Error::Kind::Config,
                         Tr::tr("Unknown key '%1' in [retort]; known keys are %2.")
                             .arg(key, known.join(u", "_s)), path, it->line);
        const Result<QString> expanded = ConfigLoader::expand(it->value, env);
        if (!expanded)
            return Error(Error::Kind::Config, expanded.error().message, path, it->line);
        const QString &v = *expanded;
        if (key == u"script_location")
            config.scriptLocation = QDir(config.projectDir).absoluteFilePath(v);
        else if (key == u"url")
            config.url = v;
        else if (key == u"schema")
            config.schema = splitList(v);
        else if (key == u"schema_command") {
            config.schemaCommand = v;
            config.schemaCommandAsWritten = it->value;
            config.schemaCommandLine = it->line;
        }
        else if (key == u"models") {
            config.models = v.trimmed();
            config.modelsLine = it->line;
        }
        else if (key == u"dev_url")
            config.devUrl = v;
        else if (key == u"version_table")
            config.tables.versionTable = v;
        else if (key == u"history_table")
            config.tables.historyTable = v;
        else if (key == u"file_template") {
            config.fileTemplate = v;
            config.fileTemplateLine = it->line;
            if (const QString problem = fileTemplateProblem(v); !problem.isEmpty())
                return Error(Error::Kind::Config, problem, path, it->line);
        }
        else if (key == u"exclude_tables")
            config.tables.excludeTables = splitList(v);
        else if (key == u"transaction_per_migration") {
            const Result<bool> b = parseBool(IniEntry{v, it->line}, key, path);
            if (!b)
                return b.error();
            config.transactionPerMigration = *b;
        }
    }
    if (!config.models.isEmpty() && !config.schemaCommand.isEmpty())
        return Error(Error::Kind::Config,
                     Tr::tr("Both 'models' and 'schema_command' are set; keep one of them."), path,
                     config.modelsLine);
    if (config.tables.versionTable.isEmpty())
        return Error(Error::Kind::Config, Tr::tr("'version_table' must not be empty."), path,
                     entries.value(u"version_table"_s).line);
    return {};
}

} // namespace

Result<QString> ConfigLoader::find(const QString &startDir)
{
    QDir dir(QFileInfo(startDir).absoluteFilePath());
    while (true) {
        const QString candidate = dir.absoluteFilePath(QString::fromLatin1(fileName));
        if (QFileInfo(candidate).isFile())
            return candidate;
        if (!dir.cdUp())
            break;
    }
    return Error(Error::Kind::Config,
                 Tr::tr("No retort.ini found in %1 or any parent folder; run 'retort init' or "
                        "give -c FILE.").arg(QDir::toNativeSeparators(startDir)));
}

Result<Config> ConfigLoader::load(const QString &iniPath, const QString &urlOverride,
                                  const QProcessEnvironment &env)
{
    const QFileInfo info(iniPath);
    if (!info.isFile())
        return Error(Error::Kind::Config, Tr::tr("Config file %1 does not exist.").arg(iniPath));
    QFile file(info.absoluteFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Config,
                     Tr::tr("Cannot read %1: %2.").arg(file.fileName(), file.errorString()));
    return parse(file.readAll(), iniPath, urlOverride, env);
}

Result<Config> ConfigLoader::parse(const QByteArray &contents, const QString &iniPath,
                                   const QString &urlOverride, const QProcessEnvironment &env)
{
    const QFileInfo info(iniPath);
    Config config;
    config.iniPath = info.absoluteFilePath();
    config.projectDir = info.absolutePath();
    config.scriptLocation = QDir(config.projectDir).absoluteFilePath(u"migrations"_s);
    const auto entries = readRetortSection(contents, config.iniPath);
    if (!entries)
        return entries.error();
    if (Result<> r = applyEntries(*entries, config.iniPath, config, env); !r)
        return r.error();
    if (!urlOverride.isEmpty()) {
        config.url = urlOverride;
        config.urlSource = Config::UrlSource::CommandLine;
    } else if (env.contains(u"RETORT_URL"_s) && !env.value(u"RETORT_URL"_s).isEmpty()) {
        config.url = env.value(u"RETORT_URL"_s);
        config.urlSource = Config::UrlSource::Environment;
    }
    return config;
}

Result<QString> ConfigLoader::expand(const QString &value, const QProcessEnvironment &env)
{
    static const QRegularExpression var(u"\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\\}"_s);
    QString out;
    qsizetype pos = 0;
    for (auto it = var.globalMatch(value); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += value.mid(pos, m.capturedStart() - pos);
        const QString name = m.captured(1);
        if (env.contains(name))
            out += env.value(name);
        else if (m.capturedStart(2) >= 0)
            out += m.captured(2);
        else
            return Error(Error::Kind::Config,
                         Tr::tr("Environment variable '%1' is not set.").arg(name));
        pos = m.capturedEnd();
    }
    out += value.mid(pos);
    return out;
}

} // namespace Retort

#include "alembicdirectory.h"

#include "alembicmodulecache.h"
#include "alembicscript.h"

#include <engine/core/enginetr.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

bool isCompiled(const QString &name)
{
    return name.endsWith(u".pyc"_s) || name.endsWith(u".pyo"_s);
}

// Alembic's _only_source_rev_file / _sourceless_rev_file: r"(?!\.\#|__init__)(.*\.py)(c|o)?$".
bool isRevisionFileName(const QString &name, bool sourceless)
{
    if (name.startsWith(u".#"_s) || name.startsWith(u"__init__"_s))
        return false;
    return name.endsWith(u".py"_s) || (sourceless && isCompiled(name));
}

QString stem(const QString &name)
{
    return name.section(u'.', 0, 0); // Python's fname.split(".")[0]
}

// Alembic's _from_filename: a compiled file yields to its source, and .pyo to .pyc.
bool compiledFileShadowed(const QDir &dir, const QString &name)
{
    const QString source = name.left(name.size() - 1);
    return QFileInfo::exists(dir.filePath(source))
           || (name.endsWith(u".pyo"_s) && QFileInfo::exists(dir.filePath(source + u'c')));
}

// A revision file as listed: its absolute path, and the path with links resolved (what makes
// two listings the same file).
struct ListedFile
{
    QString path;
    QString real;
};

void listFolder(const QString &folder, const AlembicConfig &config, QList<ListedFile> *out)
{
    const QDir dir(folder);
    // The folder is resolved once; a file's own path only when it is a link (5,000 files).
    const QString realFolder = QFileInfo(folder).canonicalFilePath();
    const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::Hidden
                                                        | QDir::System | QDir::NoDotAndDotDot,
                                                    QDir::Unsorted);
    QSet<QString> stems;
    for (const QFileInfo &info : entries) {
        const QString name = info.fileName();
        stems.insert(stem(name));
        if (info.isDir() || !isRevisionFileName(name, config.sourceless))
            continue;
        if (isCompiled(name) && compiledFileShadowed(dir, name))
            continue;
        const QString real = info.isSymLink() || realFolder.isEmpty()
                                 ? info.canonicalFilePath()
                                 : realFolder + u'/' + name;
        out->append({info.absoluteFilePath(), real});
    }
    const QDir cache(dir.filePath(u"__pycache__"_s));
    if (config.sourceless && cache.exists()) {
        for (const QString &name : cache.entryList(QDir::Files | QDir::Hidden, QDir::Name)) {
            if (!stems.contains(stem(name)) && isRevisionFileName(name, true)
                && !(isCompiled(name) && compiledFileShadowed(cache, name))) {
                const QString path = cache.absoluteFilePath(name);
                out->append({path, QFileInfo(path).canonicalFilePath()});
            }
        }
    }
    if (!config.recursiveVersionLocations)
        return;
    for (const QFileInfo &info : entries) {
        if (info.fileName() != u"__pycache__" && info.isDir())
            listFolder(info.absoluteFilePath(), config, out);
    }
}

AlembicModule compiledModule(const QString &path)
{
    AlembicModule module;
    module.revision.filePath = path;
    module.revision.downgradeSql = QString();
    module.dynamic = true;
    module.dynamicReason = Tr::tr("a compiled file without its source is read only by Python");
    module.dynamicLine = 0;
    return module;
}

// AlembicScript::read, through the cache of modules read before (by content).
Result<AlembicModule> readModule(const QString &path, AlembicModuleCache &cache)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return AlembicScript::read(path); // its error names the file
    const QByteArray source = file.readAll();
    const QByteArray digest = AlembicModuleCache::digestOf(source);
    if (std::optional<AlembicModule> known = cache.find(digest, path, source))
        return std::move(*known);
    Result<AlembicModule> module = AlembicScript::parse(source, path);
    if (module)
        cache.insert(digest, *module);
    return module;
}

} // namespace

Result<QStringList> AlembicDirectory::scriptFiles(const AlembicConfig &config)
{
    QList<ListedFile> files;
    for (const QString &location : config.versionLocations) {
        if (!QFileInfo(location).isDir()) {
            if (config.versionLocationsSet)
                continue;
            return Error(Error::Kind::Config,
                         Tr::tr("The versions folder %1 does not exist.").arg(location),
                         config.iniPath);
        }
        listFolder(location, config, &files);
    }
    // A symlinked file or a location given twice: read once, as Alembic does.
    QSet<QString> seen;
    QStringList unique;
    for (const ListedFile &file : std::as_const(files)) {
        const QString &key = file.real.isEmpty() ? file.path : file.real;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        unique.append(file.path);
    }
    // By file name, then path; the names are cut once, not per comparison (5,000 files).
    QList<std::pair<QString, QString>> byName;
    byName.reserve(unique.size());
    for (QString &file : unique)
        byName.append({file.mid(file.lastIndexOf(u'/') + 1), std::move(file)});
    std::sort(byName.begin(), byName.end());
    unique.clear();
    for (auto &[name, file] : byName)
        unique.append(std::move(file));
    return unique;
}

Result<QList<AlembicModule>> AlembicDirectory::load(const AlembicConfig &config)
{
    const Result<QStringList> files = scriptFiles(config);
    if (!files)
        return files.error();
    QList<AlembicModule> modules;
    modules.reserve(files->size());
    QHash<QString, QString> fileOfId;
    AlembicModuleCache cache = AlembicModuleCache::open(config.iniPath);
    for (const QString &path : *files) {
        if (isCompiled(path)) {
            modules.append(compiledModule(path));
            continue;
        }
        Result<AlembicModule> module = readModule(path, cache);
        if (!module)
            return module.error();
        if (!module->dynamic) {
            const QString &id = module->revision.id;
            if (const auto other = fileOfId.constFind(id); other != fileOfId.cend())
                return Error(Error::Kind::Script,
                             Tr::tr("Revision id '%1' is also used by %2.").arg(id, *other),
                             path, module->revision.idLine);
            fileOfId.insert(id, path);
        }
        modules.append(std::move(*module));
    }
    cache.save();
    return modules;
}

} // namespace Retort

#include "alembicdirectory.h"

#include "alembicscript.h"

#include <engine/core/enginetr.h>

#include <QDir>
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

void listFolder(const QString &folder, const AlembicConfig &config, QStringList *out)
{
    const QDir dir(folder);
    const QStringList entries = dir.entryList(QDir::Files | QDir::Dirs | QDir::Hidden
                                                  | QDir::System | QDir::NoDotAndDotDot,
                                              QDir::Name);
    QSet<QString> stems;
    for (const QString &name : entries) {
        stems.insert(stem(name));
        const QFileInfo info(dir.filePath(name));
        if (info.isDir() || !isRevisionFileName(name, config.sourceless))
            continue;
        if (isCompiled(name) && compiledFileShadowed(dir, name))
            continue;
        out->append(info.absoluteFilePath());
    }
    const QDir cache(dir.filePath(u"__pycache__"_s));
    if (config.sourceless && cache.exists()) {
        for (const QString &name : cache.entryList(QDir::Files | QDir::Hidden, QDir::Name)) {
            if (!stems.contains(stem(name)) && isRevisionFileName(name, true)
                && !(isCompiled(name) && compiledFileShadowed(cache, name)))
                out->append(cache.absoluteFilePath(name));
        }
    }
    if (!config.recursiveVersionLocations)
        return;
    for (const QString &name : entries) {
        if (name != u"__pycache__" && QFileInfo(dir.filePath(name)).isDir())
            listFolder(dir.filePath(name), config, out);
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

} // namespace

Result<QStringList> AlembicDirectory::scriptFiles(const AlembicConfig &config)
{
    QStringList files;
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
    for (const QString &file : std::as_const(files)) {
        const QString real = QFileInfo(file).canonicalFilePath();
        if (seen.contains(real.isEmpty() ? file : real))
            continue;
        seen.insert(real.isEmpty() ? file : real);
        unique.append(file);
    }
    std::stable_sort(unique.begin(), unique.end(), [](const QString &a, const QString &b) {
        const QString fa = QFileInfo(a).fileName();
        const QString fb = QFileInfo(b).fileName();
        return fa != fb ? fa < fb : a < b;
    });
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
    for (const QString &path : *files) {
        if (isCompiled(path)) {
            modules.append(compiledModule(path));
            continue;
        }
        Result<AlembicModule> module = AlembicScript::read(path);
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
    return modules;
}

} // namespace Retort

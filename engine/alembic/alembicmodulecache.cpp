#include "alembicmodulecache.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// Bump when AlembicModule, Revision or the reader's results change shape or meaning: a cache of
// another format is ignored (and rewritten).
constexpr quint32 kMagic = 0x52414d43; // "RAMC"
constexpr quint32 kFormat = 1;

// Every field of AlembicModule but filePath and source, which come from the file at hand.
void write(QDataStream &out, const AlembicModule &m)
{
    const Revision &r = m.revision;
    out << r.id << r.parents << r.branchLabels << r.dependsOn << r.message << r.createDate
        << r.extraHeaders << r.noTransaction << r.foreignKeysOff << qint32(r.idLine)
        << qint32(r.parentsLine) << qint32(r.branchLabelsLine) << qint32(r.dependsOnLine)
        << r.upgradeSql << qint32(r.upgradeLine) << r.downgradeSql.has_value()
        << r.downgradeSql.value_or(QString()) << qint32(r.downgradeLine) << m.dynamic
        << m.dynamicReason << qint32(m.dynamicLine);
}

void read(QDataStream &in, AlembicModule &m)
{
    Revision &r = m.revision;
    qint32 idLine = 0, parentsLine = 0, labelsLine = 0, dependsLine = 0, upgradeLine = 0,
           downgradeLine = 0, dynamicLine = 0;
    bool hasDowngrade = false;
    QString downgrade;
    in >> r.id >> r.parents >> r.branchLabels >> r.dependsOn >> r.message >> r.createDate
        >> r.extraHeaders >> r.noTransaction >> r.foreignKeysOff >> idLine >> parentsLine
        >> labelsLine >> dependsLine >> r.upgradeSql >> upgradeLine >> hasDowngrade >> downgrade
        >> downgradeLine >> m.dynamic >> m.dynamicReason >> dynamicLine;
    r.idLine = idLine;
    r.parentsLine = parentsLine;
    r.branchLabelsLine = labelsLine;
    r.dependsOnLine = dependsLine;
    r.upgradeLine = upgradeLine;
    r.downgradeSql = hasDowngrade ? std::optional<QString>(downgrade) : std::nullopt;
    r.downgradeLine = downgradeLine;
    m.dynamicLine = dynamicLine;
}

QString cacheFolder()
{
    if (qEnvironmentVariableIsSet("RETORT_CACHE_DIR"))
        return qEnvironmentVariable("RETORT_CACHE_DIR");
    const QString generic = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return generic.isEmpty() ? QString() : generic + u"/retort"_s;
}

} // namespace

AlembicModuleCache AlembicModuleCache::open(const QString &iniPath)
{
    AlembicModuleCache cache;
    const QString folder = cacheFolder();
    if (folder.isEmpty())
        return cache;
    const QByteArray key =
        QCryptographicHash::hash(iniPath.toUtf8(), QCryptographicHash::Sha1).toHex();
    cache.m_path = folder + u"/alembic/"_s + QString::fromLatin1(key) + u".modules"_s;
    QFile file(cache.m_path);
    if (!file.open(QIODevice::ReadOnly))
        return cache;
    // One read, then parsed from memory: QDataStream on the file reads a field at a time.
    const QByteArray bytes = file.readAll();
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, format = 0;
    in >> magic >> format;
    if (magic != kMagic || format != kFormat)
        return cache;
    quint32 count = 0;
    in >> count;
    QHash<QByteArray, AlembicModule> stored;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QByteArray digest;
        AlembicModule module;
        in >> digest;
        read(in, module);
        stored.insert(digest, std::move(module));
    }
    if (in.status() == QDataStream::Ok && in.atEnd())
        cache.m_stored = std::move(stored);
    return cache;
}

QByteArray AlembicModuleCache::digestOf(const QByteArray &source)
{
    return QCryptographicHash::hash(source, QCryptographicHash::Blake2b_160);
}

std::optional<AlembicModule> AlembicModuleCache::find(const QByteArray &digest,
                                                      const QString &filePath,
                                                      const QByteArray &source)
{
    const auto it = m_stored.constFind(digest);
    if (it == m_stored.cend())
        return std::nullopt;
    m_used.insert(digest, *it);
    AlembicModule module = *it;
    module.revision.filePath = filePath;
    module.revision.source = source;
    return module;
}

void AlembicModuleCache::insert(const QByteArray &digest, const AlembicModule &module)
{
    if (m_path.isEmpty())
        return;
    AlembicModule stored = module;
    stored.revision.filePath.clear();
    stored.revision.source.clear();
    m_used.insert(digest, std::move(stored));
    m_changed = true;
}

void AlembicModuleCache::save()
{
    // Entries of files that are gone or were edited are dropped with the rewrite.
    if (m_path.isEmpty() || (!m_changed && m_used.size() == m_stored.size()))
        return;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kFormat << quint32(m_used.size());
    for (auto it = m_used.cbegin(); it != m_used.cend(); ++it) {
        out << it.key();
        write(out, it.value());
    }
    if (out.status() == QDataStream::Ok)
        file.commit();
}

} // namespace Retort

#pragma once

#include "alembicmodule.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Retort {

// What the literal reader made of each revision module, kept between runs in the user's cache
// folder and keyed by a BLAKE2b digest of the module's bytes: a module is read again only when its
// content changed, so the cache can never describe a file as it was (a stricter rule than
// Python's own .pyc files, which trust the modification time). Reading 1,000 modules costs
// about 30 ms of tokenizing; finding them here about 3 ms. The cache is only ever an
// optimisation: a missing, unreadable, corrupt or unwritable cache file makes no error.
class AlembicModuleCache
{
public:
    // The cache of the project whose ini is `iniPath`: $RETORT_CACHE_DIR, else the user's
    // generic cache folder + "/retort", then "alembic/<sha1 of the ini path>.modules".
    // RETORT_CACHE_DIR set but empty turns caching off.
    static AlembicModuleCache open(const QString &iniPath);

    static QByteArray digestOf(const QByteArray &source);

    // The module read from these bytes before, with filePath and source set to the given ones.
    std::optional<AlembicModule> find(const QByteArray &digest, const QString &filePath,
                                      const QByteArray &source);
    void insert(const QByteArray &digest, const AlembicModule &module);
    // Writes the modules found or inserted since open() (so entries of deleted or edited files
    // go), when anything changed; atomically, never failing the caller.
    void save();

    QString path() const { return m_path; }

private:
    QString m_path; // empty: caching off
    QHash<QByteArray, AlembicModule> m_stored;
    QHash<QByteArray, AlembicModule> m_used;
    bool m_changed = false;
};

} // namespace Retort

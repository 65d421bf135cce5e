#pragma once

#include <engine/core/canceltoken.h>
#include <engine/core/result.h>

#include <QString>

#include <memory>

namespace Retort {

class Connection;

// The whole-command lock (README "Safety"), so N processes migrating one database at once apply every
// revision exactly once. Held on `connection` until release() or destruction; the database
// drops it when the session ends, so a killed process never leaves it behind.
// - PostgreSQL: a session advisory lock on a key derived from the version table's name.
// - MySQL/MariaDB: GET_LOCK on "retort:<database>.<version table>".
// - SQLite: BEGIN EXCLUSIVE, then locking_mode=EXCLUSIVE and COMMIT, which keeps the file's
//   write lock until released. Not in WAL mode, where that keeps no writer out: there each
//   step's BEGIN IMMEDIATE and its re-check of the version table serialise the runs. Other connections can then neither read nor write (they wait in their
//   busy handler), which is what makes the re-read of the version table after locking safe.
class DatabaseLock
{
public:
    // Waits up to `timeoutMs`, checking `cancel` about every 200 ms. On timeout: Kind::Lock,
    // naming the holder where the engine can tell; on cancel: Kind::Cancelled.
    static Result<std::unique_ptr<DatabaseLock>> acquire(Connection &connection,
                                                         const QString &versionTable,
                                                         int timeoutMs,
                                                         const CancelToken &cancel);
    virtual ~DatabaseLock() = default;
    DatabaseLock(const DatabaseLock &) = delete;
    DatabaseLock &operator=(const DatabaseLock &) = delete;

    // Releases now instead of at destruction, reporting errors. Idempotent.
    virtual Result<> release() = 0;
    // True when no other connection can write while the lock is held (SQLite's exclusive mode),
    // so the version table need not be re-read before each transaction. Advisory locks keep
    // other Retort runs out, not other writers.
    virtual bool keepsOtherWritersOut() const { return false; }

    static qint64 postgresKey(const QString &versionTable);
    static QString mysqlLockName(const QString &database, const QString &versionTable);

protected:
    DatabaseLock() = default;
};

} // namespace Retort

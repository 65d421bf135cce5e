#include "databaselock.h"

#include "versiontable.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QThread>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

constexpr int PollMs = 200;

Error cancelledError()
{
    return Error(Error::Kind::Cancelled,
                 Tr::tr("Cancelled while waiting for the migration lock; nothing was run."));
}

Error timeoutError(const Connection &connection, int timeoutMs, const QString &holder)
{
    const QString seconds = QString::number(timeoutMs / 1000.0, 'g', 3);
    QString message = Tr::tr("Could not take the migration lock on %1 within %2 s: another "
                             "migration is running")
                          .arg(connection.url().toDisplayString(), seconds);
    message += holder.isEmpty() ? u"."_s : u" ("_s + holder + u")."_s;
    return Error(Error::Kind::Lock, message);
}

Result<QVariant> scalar(Connection &connection, const QString &sql)
{
    const Result<QList<QVariantList>> rows = connection.select(sql);
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first().isEmpty())
        return QVariant();
    return rows->first().first();
}

// The SQLite file lock: see the class comment in databaselock.h.
class SqliteLock final : public DatabaseLock
{
public:
    explicit SqliteLock(Connection &c) : m_connection(c) {}
    ~SqliteLock() override { (void) release(); }

    Result<> acquire(int timeoutMs, const CancelToken &cancel)
    {
        if (m_connection.url().isMemory())
            return {}; // nobody else can see an in-memory database
        const Result<QVariant> busy = scalar(m_connection, u"PRAGMA busy_timeout"_s);
        if (!busy)
            return busy.error();
        m_busyTimeout = busy->toInt();
        if (Result<> r = m_connection.exec(u"PRAGMA busy_timeout=%1"_s.arg(PollMs)); !r)
            return r;
        const QDeadlineTimer deadline(timeoutMs);
        while (true) {
            if (cancel.isCancelled())
                return restoreBusyTimeout(cancelledError());
            const Result<> begun = m_connection.exec(u"BEGIN EXCLUSIVE"_s);
            if (begun)
                break;
            // SQLITE_BUSY ("database is locked") means another holder; anything else is an error.
            if (!begun.error().detail.contains(u"locked"_s)
                && !begun.error().detail.contains(u"busy"_s))
                return restoreBusyTimeout(
                    begun.error().withContext(Tr::tr("Taking the migration lock")));
            if (deadline.hasExpired())
                return restoreBusyTimeout(timeoutError(m_connection, timeoutMs, {}));
        }
        // In WAL mode the exclusive locking mode keeps no writer out; there, each step's
        // BEGIN IMMEDIATE and its check of the version table do the serialising (StepExecutor).
        const Result<QVariant> journal = scalar(m_connection, u"PRAGMA journal_mode"_s);
        if (!journal || journal->toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0) {
            (void) m_connection.exec(u"ROLLBACK"_s);
            return restoreBusyTimeout(journal ? Error() : journal.error(), !journal);
        }
        // Switch to exclusive mode only while holding the lock: a waiter in exclusive mode would
        // keep the SHARED lock of its failed attempt, and two such waiters deadlock.
        m_held = true;
        if (Result<> r = m_connection.exec(u"PRAGMA locking_mode=EXCLUSIVE"_s); !r) {
            (void) m_connection.exec(u"ROLLBACK"_s);
            m_held = false;
            return restoreBusyTimeout(r.error());
        }
        if (Result<> r = m_connection.exec(u"COMMIT"_s); !r)
            return r;
        return m_connection.exec(u"PRAGMA busy_timeout=%1"_s.arg(m_busyTimeout));
    }

    bool keepsOtherWritersOut() const override { return m_held; }

    Result<> release() override
    {
        if (!std::exchange(m_held, false))
            return {};
        if (Result<> r = m_connection.exec(u"PRAGMA locking_mode=NORMAL"_s); !r)
            return r;
        // The file lock goes at the next access in normal mode.
        const Result<QVariant> touched = scalar(m_connection, u"SELECT count(*) FROM sqlite_master"_s);
        if (!touched)
            return touched.error();
        return {};
    }

private:
    Result<> restoreBusyTimeout(const Error &e, bool failed = true)
    {
        (void) m_connection.exec(u"PRAGMA busy_timeout=%1"_s.arg(m_busyTimeout));
        return failed ? Result<>(e) : Result<>();
    }

    Connection &m_connection;
    int m_busyTimeout = 0;
    bool m_held = false;
};

class PostgresLock final : public DatabaseLock
{
public:
    PostgresLock(Connection &c, qint64 key) : m_connection(c), m_key(key) {}
    ~PostgresLock() override { (void) release(); }

    Result<> acquire(int timeoutMs, const CancelToken &cancel)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (true) {
            if (cancel.isCancelled())
                return cancelledError();
            const Result<QVariant> got =
                scalar(m_connection, u"SELECT pg_try_advisory_lock(%1)"_s.arg(m_key));
            if (!got)
                return got.error();
            if (got->toBool()) {
                m_held = true;
                return {};
            }
            if (deadline.hasExpired())
                return timeoutError(m_connection, timeoutMs, holder());
            QThread::msleep(qMin<qint64>(PollMs, qMax<qint64>(1, deadline.remainingTime())));
        }
    }

    Result<> release() override
    {
        if (!m_held)
            return {};
        m_held = false;
        const Result<QVariant> done =
            scalar(m_connection, u"SELECT pg_advisory_unlock(%1)"_s.arg(m_key));
        if (!done)
            return done.error();
        return {};
    }

private:
    // A bigint advisory lock shows in pg_locks as classid = high 32 bits, objid = low 32 bits,
    // objsubid = 1.
    QString holder()
    {
        const quint64 key = quint64(m_key);
        const Result<QList<QVariantList>> rows = m_connection.select(
            u"SELECT a.pid, a.application_name, host(a.client_addr), a.usename, "
            "to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
            "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
            "AND l.classid::bigint = %1 AND l.objid::bigint = %2 "
            "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"_s
                .arg(key >> 32)
                .arg(key & 0xffffffffu));
        if (!rows || rows->isEmpty())
            return {};
        const QVariantList &r = rows->first();
        QString text = Tr::tr("held by PID %1").arg(r.value(0).toString());
        if (!r.value(1).toString().isEmpty())
            text += Tr::tr(", application '%1'").arg(r.value(1).toString());
        if (!r.value(3).toString().isEmpty())
            text += Tr::tr(", user %1").arg(r.value(3).toString());
        text += Tr::tr(", client %1")
                    .arg(r.value(2).isNull() ? Tr::tr("local socket") : r.value(2).toString());
        text += Tr::tr(", connected since %1").arg(r.value(4).toString());
        return text;
    }

    Connection &m_connection;
    qint64 m_key = 0;
    bool m_held = false;
};

class MysqlLock final : public DatabaseLock
{
public:
    MysqlLock(Connection &c, const QString &name) : m_connection(c), m_name(name) {}
    ~MysqlLock() override { (void) release(); }

    Result<> acquire(int timeoutMs, const CancelToken &cancel)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (true) {
            if (cancel.isCancelled())
                return cancelledError();
            const qint64 waitMs = qBound(qint64(0), deadline.remainingTime(), qint64(PollMs));
            const Result<QVariant> got = scalar(
                m_connection, u"SELECT GET_LOCK(%1, %2)"_s.arg(VersionTable::literal(m_name))
                                  .arg(waitMs / 1000.0, 0, 'f', 3));
            if (!got)
                return got.error();
            if (got->isNull())
                return Error(Error::Kind::Lock,
                             Tr::tr("GET_LOCK('%1') failed on %2.")
                                 .arg(m_name, m_connection.url().toDisplayString()));
            if (got->toInt() == 1) {
                m_held = true;
                return {};
            }
            if (deadline.hasExpired())
                return timeoutError(m_connection, timeoutMs, holder());
        }
    }

    Result<> release() override
    {
        if (!m_held)
            return {};
        m_held = false;
        const Result<QVariant> done = scalar(
            m_connection, u"SELECT RELEASE_LOCK(%1)"_s.arg(VersionTable::literal(m_name)));
        if (!done)
            return done.error();
        return {};
    }

private:
    QString holder()
    {
        const Result<QVariant> id = scalar(
            m_connection, u"SELECT IS_USED_LOCK(%1)"_s.arg(VersionTable::literal(m_name)));
        if (!id || id->isNull())
            return {};
        QString text = Tr::tr("held by connection %1").arg(id->toString());
        const Result<QList<QVariantList>> rows = m_connection.select(
            u"SELECT USER, HOST, TIME FROM information_schema.PROCESSLIST WHERE ID = %1"_s.arg(
                id->toLongLong()));
        if (rows && !rows->isEmpty()) {
            const QVariantList &r = rows->first();
            text += Tr::tr(", user %1 from %2, for %3 s")
                        .arg(r.value(0).toString(), r.value(1).toString(), r.value(2).toString());
        }
        return text;
    }

    Connection &m_connection;
    QString m_name;
    bool m_held = false;
};

} // namespace

qint64 DatabaseLock::postgresKey(const QString &versionTable)
{
    const QByteArray hash = QCryptographicHash::hash(u"retort-lock:"_s.append(versionTable).toUtf8(),
                                                     QCryptographicHash::Sha256);
    quint64 key = 0;
    for (int i = 0; i < 8; ++i)
        key = (key << 8) | quint8(hash.at(i));
    return qint64(key);
}

QString DatabaseLock::mysqlLockName(const QString &database, const QString &versionTable)
{
    const QString name = u"retort:"_s + database + u'.' + versionTable;
    if (name.size() <= 64) // MariaDB's limit for lock names
        return name;
    return u"retort:"_s
        + QString::fromLatin1(
              QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex().left(57));
}

Result<std::unique_ptr<DatabaseLock>> DatabaseLock::acquire(Connection &connection,
                                                            const QString &versionTable,
                                                            int timeoutMs,
                                                            const CancelToken &cancel)
{
    switch (connection.dialect()) {
    case SqlDialect::SQLite: {
        auto lock = std::make_unique<SqliteLock>(connection);
        if (Result<> r = lock->acquire(timeoutMs, cancel); !r)
            return r.error();
        return std::unique_ptr<DatabaseLock>(std::move(lock));
    }
    case SqlDialect::PostgreSQL: {
        auto lock = std::make_unique<PostgresLock>(connection, postgresKey(versionTable));
        if (Result<> r = lock->acquire(timeoutMs, cancel); !r)
            return r.error();
        return std::unique_ptr<DatabaseLock>(std::move(lock));
    }
    case SqlDialect::MySQL: {
        auto lock = std::make_unique<MysqlLock>(
            connection, mysqlLockName(connection.url().database, versionTable));
        if (Result<> r = lock->acquire(timeoutMs, cancel); !r)
            return r.error();
        return std::unique_ptr<DatabaseLock>(std::move(lock));
    }
    }
    return Error(Error::Kind::Internal, Tr::tr("Unknown SQL dialect."));
}

} // namespace Retort

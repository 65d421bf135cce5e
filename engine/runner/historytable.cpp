#include "historytable.h"

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

#include "versiontable.h"

#include <engine/db/connection.h>
#include <engine/revision/revisiongraph.h>
#include <engine/revision/revisionscript.h>

#include <QSysInfo>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

QString idColumn(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::SQLite:
        return u"id INTEGER PRIMARY KEY AUTOINCREMENT"_s;
    case SqlDialect::PostgreSQL:
        return u"id BIGSERIAL PRIMARY KEY"_s;
    case SqlDialect::MySQL:
        return u"id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY"_s;
    }
    return {};
}

} // namespace

HistoryTable::HistoryTable(Connection &connection, const QString &name)
    : m_connection(connection)
    , m_name(name)
{}

QString HistoryTable::createSql(SqlDialect dialect, const QString &table, bool ifNotExists)
{
    // applied_at is ISO 8601 text ("2026-11-24T03:00:00.123Z"): the same value on every engine,
    // with no session time zone in between.
    return (ifNotExists ? u"CREATE TABLE IF NOT EXISTS"_s : u"CREATE TABLE"_s)
           + u" %1 (\n    %2,\n    revision VARCHAR(32) NOT NULL,\n"
           "    direction VARCHAR(16) NOT NULL,\n    checksum VARCHAR(64),\n"
           "    applied_at VARCHAR(32) NOT NULL,\n    duration_ms BIGINT NOT NULL,\n"
           "    applied_by VARCHAR(255),\n    host VARCHAR(255),\n"
           "    retort_version VARCHAR(32)\n)"_s
        .arg(VersionTable::quoteName(dialect, table), idColumn(dialect));
}

QString HistoryTable::currentUser()
{
    // Read once: without USER, each call read /etc/passwd, once for every revision run.
    static const QString user = findCurrentUser();
    return user;
}

QString HistoryTable::findCurrentUser()
{
    for (const char *name : {"USER", "LOGNAME", "USERNAME"}) {
        const QString user = qEnvironmentVariable(name);
        if (!user.isEmpty())
            return user;
    }
#ifdef Q_OS_UNIX
    // Services and containers often run without USER; the password database still knows.
    if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    return {};
}

QString HistoryTable::currentHost()
{
    static const QString host = QSysInfo::machineHostName();
    return host;
}

Result<> HistoryTable::ensureCreated()
{
    if (!isEnabled())
        return {};
    const Result<bool> present = VersionTable::tableExists(m_connection, m_name);
    if (!present)
        return present.error();
    if (*present)
        return {};
    return m_connection.exec(createSql(m_connection.dialect(), m_name, true));
}

Result<> HistoryTable::record(HistoryEntry entry)
{
    if (!isEnabled())
        return {};
    if (!entry.appliedAt.isValid())
        entry.appliedAt = QDateTime::currentDateTimeUtc();
    if (entry.appliedBy.isEmpty())
        entry.appliedBy = currentUser();
    if (entry.host.isEmpty())
        entry.host = currentHost();
    if (entry.retortVersion.isEmpty())
        entry.retortVersion = QStringLiteral(RETORT_VERSION);
    const QString sql = u"INSERT INTO %1 (revision, direction, checksum, applied_at, duration_ms, "
                        "applied_by, host, retort_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s
                            .arg(VersionTable::quoteName(m_connection.dialect(), m_name));
    const QVariant checksum = entry.checksum.isEmpty() ? QVariant() : QVariant(entry.checksum);
    const Result<QList<QVariantList>> done = m_connection.select(
        sql, {entry.revision, directionName(entry.direction), checksum,
              entry.appliedAt.toUTC().toString(Qt::ISODateWithMs), entry.durationMs,
              entry.appliedBy, entry.host, entry.retortVersion});
    if (!done)
        return done.error();
    return {};
}

Result<QList<HistoryEntry>> HistoryTable::entries()
{
    if (!isEnabled())
        return QList<HistoryEntry>();
    const Result<bool> present = VersionTable::tableExists(m_connection, m_name);
    if (!present)
        return present.error();
    if (!*present)
        return QList<HistoryEntry>();
    const Result<QList<QVariantList>> rows = m_connection.select(
        u"SELECT id, revision, direction, checksum, applied_at, duration_ms, applied_by, host, "
        "retort_version FROM %1 ORDER BY id"_s.arg(
            VersionTable::quoteName(m_connection.dialect(), m_name)));
    if (!rows)
        return rows.error();
    QList<HistoryEntry> result;
    for (const QVariantList &row : *rows) {
        HistoryEntry e;
        e.id = row.value(0).toLongLong();
        e.revision = row.value(1).toString();
        e.direction = directionFromName(row.value(2).toString());
        e.checksum = row.value(3).toString();
        e.appliedAt = QDateTime::fromString(row.value(4).toString(), Qt::ISODateWithMs);
        e.durationMs = row.value(5).toLongLong();
        e.appliedBy = row.value(6).toString();
        e.host = row.value(7).toString();
        e.retortVersion = row.value(8).toString();
        result << e;
    }
    return result;
}

Result<QHash<QString, QString>> HistoryTable::latestChecksums()
{
    const Result<QList<HistoryEntry>> all = entries();
    if (!all)
        return all.error();
    QHash<QString, QString> latest;
    for (const HistoryEntry &e : *all) { // oldest first, so later rows win
        if (e.direction == Direction::Upgrade
            || (e.direction == Direction::Stamp && !e.checksum.isEmpty()))
            latest.insert(e.revision, e.checksum);
        else if (e.direction == Direction::Stamp)
            latest.remove(e.revision); // stamped away
    }
    return latest;
}

Result<HistoryTable::Edits> HistoryTable::editedAfterApplied(const RevisionGraph &graph,
                                                             const QStringList &heads)
{
    const Result<QHash<QString, QString>> checksums = latestChecksums();
    if (!checksums)
        return checksums.error();
    Edits edits;
    edits.hasHistory = !checksums->isEmpty();
    // Applied = the rows and everything below them; one linear walk over graph indexes.
    QList<int> rows;
    for (const QString &head : heads) {
        if (const int index = graph.indexOf(head); index >= 0)
            rows << index;
    }
    const QList<char> applied = graph.reach(rows, RevisionGraph::Towards::Bases, true);
    for (auto it = checksums->cbegin(); it != checksums->cend(); ++it) {
        const int index = graph.indexOf(it.key());
        if (index >= 0 && applied.value(index) && !it.value().isEmpty()
            && it.value() != RevisionScript::checksumOf(graph.revisions().at(index)))
            edits.revisions << it.key();
    }
    std::sort(edits.revisions.begin(), edits.revisions.end());
    return edits;
}

} // namespace Retort

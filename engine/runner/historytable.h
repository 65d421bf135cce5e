#pragma once

#include <engine/core/direction.h>
#include <engine/core/result.h>
#include <engine/core/sqldialect.h>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Retort {

class Connection;
class RevisionGraph;

// One row of the audit table: one revision run (or stamped) once.
struct HistoryEntry
{
    qint64 id = 0; // assigned by the database
    QString revision;
    Direction direction = Direction::Upgrade;
    QString checksum;  // SHA-256 hex of the revision file's normalised text; may be empty
    QDateTime appliedAt; // UTC
    qint64 durationMs = 0;
    QString appliedBy; // OS user
    QString host;
    QString retortVersion;
};

// The audit table (README "Safety", default `retort_history`): one row per revision run, written in the
// same transaction as the revision itself. Disabled (every call a no-op) when the name is empty.
class HistoryTable
{
public:
    HistoryTable(Connection &connection, const QString &name);

    bool isEnabled() const { return !m_name.isEmpty(); }
    const QString &name() const { return m_name; }

    Result<> ensureCreated();
    // Fills appliedBy, host and retortVersion when empty, and appliedAt when invalid.
    Result<> record(HistoryEntry entry);
    // All rows, oldest first; empty when the table does not exist.
    Result<QList<HistoryEntry>> entries();
    // Revision -> checksum of its latest "upgrade" or "stamp" row. Compare it with the file's
    // checksum for each applied revision to find revisions edited after they were applied.
    // A revision whose latest row stamped it away (no checksum) is left out.
    Result<QHash<QString, QString>> latestChecksums();
    // The applied revisions of `graph` (the rows `heads` and everything below them, dependencies
    // included) whose file no longer has the checksum they were applied with, sorted.
    struct Edits
    {
        bool hasHistory = false; // some row has a checksum, so edits can be told at all
        QStringList revisions;
    };
    Result<Edits> editedAfterApplied(const RevisionGraph &graph, const QStringList &heads);

    static QString createSql(SqlDialect dialect, const QString &table, bool ifNotExists = false);
    static QString currentUser();
    static QString currentHost();

private:
    static QString findCurrentUser();
    Connection &m_connection;
    QString m_name;
};

} // namespace Retort

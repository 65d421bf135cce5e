#pragma once

#include "migrationstep.h"

#include <engine/core/result.h>
#include <engine/core/sqldialect.h>

#include <QString>
#include <QStringList>

namespace Retort {

class Connection;

// The version table exactly as Alembic keeps it: one row per applied head in
// `version_num VARCHAR(32) NOT NULL`, primary key `<table>_pkc`. The SQL it runs is the SQL that
// OfflineScript prints, so a database Alembic made is read and continued, and vice versa.
class VersionTable
{
public:
    VersionTable(Connection &connection, const QString &name);

    const QString &name() const { return m_name; }

    // Once seen (or created), the table is taken to exist for the rest of this object's life: the
    // runner holds the migration lock, and asking the catalog again before every step scanned
    // sqlite_master each time, which made a 10,000-revision upgrade quadratic.
    Result<bool> exists();
    // CREATE TABLE unless it exists (Alembic's checkfirst=True).
    Result<> ensureCreated();
    // The rows in the order the database returns them (as Alembic reads them; the planner's
    // "-1" picks the first); empty when the table does not exist.
    Result<QStringList> heads();
    // Applies one change; an UPDATE or DELETE must match exactly one row, as in Alembic.
    Result<> apply(const VersionChange &change);
    // DELETE FROM the table (stamp --purge).
    Result<> purge();

    // SQL text, shared with OfflineScript. `forOffline` adds what Alembic's offline output has
    // (PostgreSQL's "RETURNING" on INSERT) without changing what the statement does.
    static QString createSql(SqlDialect dialect, const QString &table, bool ifNotExists = false);
    static QString dropSql(SqlDialect dialect, const QString &table);
    static QString changeSql(SqlDialect dialect, const QString &table, const VersionChange &change,
                             bool forOffline = false);
    // Quotes a name only where SQL needs it, as SQLAlchemy does for Alembic.
    static QString quoteName(SqlDialect dialect, const QString &name);
    static QString literal(const QString &value);

    // Does `table` exist in the connection's current database/schema?
    static Result<bool> tableExists(Connection &connection, const QString &table);

private:
    Connection &m_connection;
    QString m_name;
    bool m_seen = false;
};

} // namespace Retort

#pragma once

#include <QString>
#include <QStringList>

namespace Retort {

// Which tables of a database are the project's schema: all but Retort's own two (the version
// table and the history table) and the user's `exclude_tables` globs. Built once from the
// configuration and carried by the introspection, diff and run options. A value.
struct TableFilter
{
    QString versionTable = QStringLiteral("alembic_version");
    QString historyTable = QStringLiteral("retort_history"); // empty: no history table
    QStringList excludeTables; // glob patterns (wildcards * ? [..]), matched against names

    // Case-insensitive (SQLite, MySQL on most systems, and users' habits); views too.
    bool isExcluded(const QString &name) const;

    bool operator==(const TableFilter &) const = default;
};

} // namespace Retort

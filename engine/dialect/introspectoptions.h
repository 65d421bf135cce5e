#pragma once

#include <QString>
#include <QStringList>

namespace Retort {

// What an introspector leaves out: Retort's own tables and the user's exclude_tables globs.
struct IntrospectOptions
{
    QString versionTable = QStringLiteral("alembic_version");
    QString historyTable = QStringLiteral("retort_history"); // empty = none
    QStringList excludeTables;                               // glob patterns
    QString schema; // PostgreSQL schema / MySQL database; empty = the connection's current one

    // Same rule as Ops::DiffOptions::isExcluded (case-insensitive; views too).
    bool isExcluded(const QString &name) const;
};

} // namespace Retort

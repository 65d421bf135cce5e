#pragma once

#include <engine/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort::Ops {

// One user-confirmed column rename: `--rename TABLE.OLD=NEW`.
struct ColumnRename
{
    QString table;
    QString from;
    QString to;

    // Parses "table.old=new"; the table part may itself contain dots (the last dot before '='
    // separates the column).
    static Result<ColumnRename> parse(const QString &spec);
    bool operator==(const ColumnRename &) const = default;
};

// What the differ leaves out or pairs up.
struct DiffOptions
{
    QStringList excludeTables; // glob patterns (wildcards * ? [..]), matched against table names
    QString versionTable = QStringLiteral("alembic_version");
    QString historyTable = QStringLiteral("retort_history"); // empty = none
    QList<ColumnRename> renames;

    // Version table, history table and excluded globs. Case-insensitive (SQLite, MySQL on
    // most systems, and users' habits).
    bool isExcluded(const QString &table) const;
};

} // namespace Retort::Ops

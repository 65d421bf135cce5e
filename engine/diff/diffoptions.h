#pragma once

#include <engine/core/result.h>
#include <engine/schema/tablefilter.h>

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
    TableFilter tables;
    QList<ColumnRename> renames;
};

} // namespace Retort::Ops

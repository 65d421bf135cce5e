#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Retort::Schema {

// A table's primary key. No columns = the table has none.
struct PrimaryKey
{
    QString
        name; // constraint name; empty where the engine has none (SQLite unnamed, MySQL "PRIMARY")
    QStringList columns;

    bool isEmpty() const { return columns.isEmpty(); }
    QJsonObject toJson() const;
    bool operator==(const PrimaryKey &) const = default;
};

} // namespace Retort::Schema

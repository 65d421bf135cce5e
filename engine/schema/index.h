#pragma once

#include "indexcolumn.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Retort::Schema {

// An explicitly created index (not the implicit index behind a PRIMARY KEY or UNIQUE
// constraint: those are PrimaryKey and UniqueConstraint).
struct Index
{
    QString name;
    bool unique = false;
    QList<IndexColumn> columns;
    QString where;  // partial index predicate, without WHERE; empty = not partial
    QString method; // PostgreSQL access method (btree, gin, ...), MySQL
                    // BTREE/HASH/FULLTEXT/SPATIAL; empty = default

    QStringList columnNames() const; // IndexColumn::displayText() of each key part
    QJsonObject toJson() const;
    bool operator==(const Index &) const = default;
};

} // namespace Retort::Schema

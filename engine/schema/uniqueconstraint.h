#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Retort::Schema {

// A UNIQUE table constraint (column-level UNIQUE included).
struct UniqueConstraint
{
    QString name; // empty when unnamed (SQLite)
    QStringList columns;
    bool deferrable = false;        // PostgreSQL
    bool initiallyDeferred = false; // PostgreSQL

    QJsonObject toJson() const;
    bool operator==(const UniqueConstraint &) const = default;
};

} // namespace Retort::Schema

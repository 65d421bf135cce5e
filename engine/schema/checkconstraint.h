#pragma once

#include <QJsonObject>
#include <QString>

namespace Retort::Schema {

// A CHECK constraint (column-level CHECKs included; the engine may not say which column).
struct CheckConstraint
{
    QString name;       // empty when unnamed (SQLite)
    QString expression; // without CHECK ( )

    QJsonObject toJson() const;
    bool operator==(const CheckConstraint &) const = default;
};

} // namespace Retort::Schema

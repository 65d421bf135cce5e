#pragma once

#include <QJsonObject>
#include <QString>

namespace Retort::Schema {

// A PostgreSQL (or MariaDB) sequence. Sequences owned by a serial/identity column are not
// listed: the column's Identity stands for them.
struct Sequence
{
    QString name;
    QString dataType; // normalised, e.g. BIGINT
    qint64 start = 1;
    qint64 increment = 1;
    qint64 minValue = 1;
    qint64 maxValue = 0; // 0 = the type's maximum
    qint64 cache = 1;
    bool cycle = false;
    QString ownedBy; // "table.column" when owned, else empty

    QJsonObject toJson() const;
    bool operator==(const Sequence &) const = default;
};

} // namespace Retort::Schema

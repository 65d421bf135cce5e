#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Retort::Schema {

// A PostgreSQL enum type (CREATE TYPE ... AS ENUM). MySQL inline ENUM('a','b') is a column type.
struct EnumType
{
    QString name;
    QStringList values; // in declaration order

    QJsonObject toJson() const;
    bool operator==(const EnumType &) const = default;
};

} // namespace Retort::Schema

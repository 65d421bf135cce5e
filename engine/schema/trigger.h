#pragma once

#include <QJsonObject>
#include <QString>

namespace Retort::Schema {

// A trigger on a table, kept as its full CREATE TRIGGER text: the SQLite table rebuild
// recreates triggers. The differ does not compare triggers.
struct Trigger
{
    QString name;
    QString definition; // full CREATE TRIGGER statement as stored by the engine

    QJsonObject toJson() const;
    bool operator==(const Trigger &) const = default;
};

} // namespace Retort::Schema

#pragma once

#include <QJsonObject>
#include <QString>

namespace Retort::Schema {

// A view. `definition` is the query (SELECT ...) without CREATE VIEW ... AS.
struct View
{
    QString name;
    QString definition;
    bool materialized = false; // PostgreSQL materialized view

    QJsonObject toJson() const;
    bool operator==(const View &) const = default;
};

} // namespace Retort::Schema

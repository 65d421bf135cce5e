#pragma once

#include <QJsonObject>
#include <QString>

namespace Retort::Schema {

// A column's type: as the engine reports it, and the dialect's canonical spelling
// (TypeNormalizer fills it: upper case, synonyms folded, e.g. PostgreSQL int4 -> INTEGER,
// character varying(20) -> VARCHAR(20), MySQL int(11) -> INT). The differ compares only
// `normalized`; renderers write `raw` when they recreate a column as it was.
struct ColumnType
{
    QString raw;
    QString normalized;

    bool isEmpty() const { return raw.isEmpty() && normalized.isEmpty(); }
    QJsonObject toJson() const;
    bool operator==(const ColumnType &) const = default;
};

} // namespace Retort::Schema

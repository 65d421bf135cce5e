#pragma once

#include <QJsonObject>
#include <QString>

namespace Retort::Schema {

// One key part of an index: a column name, or an expression (then `name` is empty).
struct IndexColumn
{
    QString name;
    QString expression; // SQL text of an expression key part, e.g. lower(email)
    enum class Nulls { Default, First, Last }; // PostgreSQL NULLS FIRST/LAST when not the default

    bool descending = false;
    QString collation; // empty = the column's or engine's default
    int length = 0;    // MySQL/MariaDB prefix length, KEY (name(10)); 0 = the whole value
    Nulls nulls = Nulls::Default;

    bool isExpression() const { return !expression.isEmpty(); }
    QString displayText() const; // name or expression, plus COLLATE / DESC when set
    QJsonObject toJson() const;
    bool operator==(const IndexColumn &) const = default;
};

} // namespace Retort::Schema

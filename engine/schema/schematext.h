#pragma once

#include <QString>

namespace Retort::Schema {

struct Column;
struct Database;
struct Table;

// The normalised human-readable form of a schema (`retort inspect`): one line per object or
// attribute, names double-quoted, types in their normalised spelling, stable order.
class SchemaText
{
public:
    static QString format(const Database &database);
    static QString formatTable(const Table &table);
    static QString formatColumn(const Column &column); // without the leading "column" keyword
    static QString quote(const QString &name);         // "na""me"
};

} // namespace Retort::Schema

#pragma once

#include "enumtype.h"
#include "sequence.h"
#include "table.h"
#include "view.h"

#include <engine/core/sqldialect.h>

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Retort::Schema {

// A whole schema as an engine reports it (or as the models describe it): plain values, no SQL
// connection, any thread. Introspectors sort tables, views, enums and sequences by name.
struct Database
{
    SqlDialect dialect = SqlDialect::SQLite;
    QString schemaName; // PostgreSQL schema / MySQL database the model was read from; may be empty
    QList<Table> tables;
    QList<View> views;
    QList<EnumType> enums;     // PostgreSQL only
    QList<Sequence> sequences; // PostgreSQL/MariaDB, free-standing ones

    // Lookups by exact name; nullptr when absent.
    const Table *table(const QString &name) const;
    Table *table(const QString &name);
    const View *view(const QString &name) const;
    const EnumType *enumType(const QString &name) const;
    const Sequence *sequence(const QString &name) const;

    // For `retort inspect --json`: keys in a fixed order (QJsonObject sorts them).
    QJsonObject toJson() const;
    // For `retort inspect`: one line per object and attribute, names quoted, stable.
    QString toText() const;

    bool operator==(const Database &) const = default;
};

} // namespace Retort::Schema

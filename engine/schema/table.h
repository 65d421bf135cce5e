#pragma once

#include "checkconstraint.h"
#include "column.h"
#include "foreignkey.h"
#include "index.h"
#include "primarykey.h"
#include "trigger.h"
#include "uniqueconstraint.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Retort::Schema {

// One table with everything attached to it. Columns in the engine's order; constraints in
// declaration order where the engine keeps it, indexes by name.
struct Table
{
    QString name;
    QList<Column> columns;
    PrimaryKey primaryKey;
    QList<UniqueConstraint> uniqueConstraints;
    QList<Index> indexes;
    QList<ForeignKey> foreignKeys;
    QList<CheckConstraint> checkConstraints;
    QList<Trigger> triggers;
    QString comment;           // PostgreSQL/MySQL table comment
    bool withoutRowid = false; // SQLite WITHOUT ROWID
    bool strict = false;       // SQLite STRICT
    QString engine;            // MySQL storage engine (InnoDB, ...); empty elsewhere

    // Lookups by exact name; nullptr when absent.
    const Column *column(const QString &name) const;
    Column *column(const QString &name);
    const Index *index(const QString &name) const;
    const ForeignKey *foreignKey(const QString &name) const;
    const UniqueConstraint *uniqueConstraint(const QString &name) const;
    const CheckConstraint *checkConstraint(const QString &name) const;
    int columnIndex(const QString &name) const; // -1 when absent

    QJsonObject toJson() const;
    bool operator==(const Table &) const = default;
};

} // namespace Retort::Schema

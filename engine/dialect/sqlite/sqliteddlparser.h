#pragma once

#include <engine/schema/checkconstraint.h>
#include <engine/schema/column.h>
#include <engine/schema/foreignkey.h>
#include <engine/schema/indexcolumn.h>
#include <engine/schema/uniqueconstraint.h>

#include <QList>
#include <QString>

namespace Retort {

// Reads what SQLite's pragmas do not tell from the stored CREATE statements: constraint names,
// CHECK expressions, DEFERRABLE, collations, AUTOINCREMENT, generated-column expressions, index
// expressions and WHERE clauses, view queries. Expressions are copied exactly as written.
// Tolerant: text it does not understand is skipped, never an error.
class SqliteDdlParser
{
public:
    struct ColumnDef
    {
        QString name;
        QString type;
        QString collation;
        bool autoincrement = false;
        Schema::Generated generated = Schema::Generated::None;
        QString generationExpression;
    };
    struct TableDef
    {
        bool hasColumnList = false; // false for CREATE TABLE ... AS SELECT
        QList<ColumnDef> columns;
        QString primaryKeyName;
        QList<Schema::UniqueConstraint> uniqueConstraints; // columns as written
        QList<Schema::CheckConstraint> checkConstraints;
        QList<Schema::ForeignKey> foreignKeys; // referencedColumns empty when implicit
        bool withoutRowid = false;
        bool strict = false;
        bool isVirtual = false;
    };
    struct IndexDef
    {
        QList<Schema::IndexColumn> columns; // name or expression, explicit COLLATE, DESC
        QString where;
    };

    static TableDef parseTable(const QString &sql);
    static IndexDef parseIndex(const QString &sql);
    static QString viewDefinition(const QString &sql);
};

} // namespace Retort

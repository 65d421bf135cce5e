#pragma once

#include <engine/schema/table.h>

#include <QList>
#include <QMap>
#include <QString>
#include <QVariant>

namespace Retort {

// Turns information_schema rows about keys into the tables' primary keys, unique constraints,
// indexes, foreign keys and checks. MySQL keeps a UNIQUE constraint as a unique index: one over
// plain columns becomes a UniqueConstraint, one with prefix lengths, DESC or expressions an
// Index{unique}. Rows for tables not in `tables` (excluded ones) are skipped. Pure, any thread.
class MysqlKeyReader
{
public:
    using TableMap = QMap<QString, Schema::Table>;

    // STATISTICS rows: TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, COLLATION,
    // SUB_PART, INDEX_TYPE, EXPRESSION (MySQL 8.0.13+; absent or NULL elsewhere), any order.
    static void addIndexes(TableMap &tables, const QList<QVariantList> &rows);
    // KEY_COLUMN_USAGE rows of foreign keys: TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME,
    // REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME, ORDINAL_POSITION,
    // any order; REFERENTIAL_CONSTRAINTS rows: TABLE_NAME, CONSTRAINT_NAME,
    // UPDATE_RULE, DELETE_RULE. `schema` is the database read (a same-database target is unqualified).
    static void addForeignKeys(TableMap &tables, const QList<QVariantList> &keyColumnRows,
                               const QList<QVariantList> &ruleRows, const QString &schema);
    // Rows: TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE.
    static void addChecks(TableMap &tables, const QList<QVariantList> &rows);

    // After all of the above: MariaDB's JSON is LONGTEXT plus CHECK (json_valid(`col`)) named after
    // the column; such a column becomes type JSON without that check (and without the implied
    // utf8mb4_bin collation), as MySQL reports it. Then the indexes InnoDB made by itself for
    // foreign keys are left out, and constraints and indexes sorted by name.
    static void finish(Schema::Table &table);
};

} // namespace Retort

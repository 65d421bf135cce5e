#pragma once

#include <engine/core/result.h>
#include <engine/schema/table.h>

#include <QHash>
#include <QList>

namespace Retort {

class Connection;

// The constraint and index part of PostgresIntrospector: primary keys, unique, foreign-key and
// check constraints, and the indexes that back none of them. One query each for the whole schema.
class PostgresKeyReader
{
public:
    // `tables` by pg_class oid; rows for tables not in it (excluded ones) are skipped.
    // `schemaOid` is the introspected namespace; `schemaName` its name (FKs into it keep an
    // empty referencedSchema).
    static Result<> readConstraints(Connection &connection, qint64 schemaOid,
                                    const QString &schemaName,
                                    const QHash<qint64, Schema::Table *> &tables);
    static Result<> readIndexes(Connection &connection, qint64 schemaOid,
                                const QHash<qint64, Schema::Table *> &tables);

    // "CHECK ((a > 0)) NOT VALID" -> "(a > 0)": the text inside CHECK's outer parentheses.
    static QString checkExpression(const QString &constraintDef);
};

} // namespace Retort

#pragma once

#include <engine/diff/operation.h>
#include <engine/schema/database.h>

#include <QStringList>

namespace Retort {

// PostgreSQL column definitions and in-place column changes (ALTER COLUMN ... TYPE, NOT NULL,
// DEFAULT, identity, serial, generated), and the enum rewrite that removing a value needs.
class PostgresColumnChange
{
public:
    // Everything after the column name: type, COLLATE, GENERATED, NOT NULL, DEFAULT.
    static QString columnBody(const Schema::Column &column);
    static QStringList render(const Ops::AlterColumn &alter);
    // PostgreSQL cannot drop an enum value: rename the type, create it anew, convert every
    // column that uses it, drop the old type.
    static QStringList dropEnumValue(const Schema::Database &state, const Ops::DropEnumValue &op);
    // "c"::type when no implicit (assignment) cast turns the old type into the new one.
    static bool needsUsing(const QString &fromNormalized, const QString &toNormalized);
};

} // namespace Retort

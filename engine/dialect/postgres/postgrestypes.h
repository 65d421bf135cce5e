#pragma once

#include <QString>

namespace Retort {

// PostgreSQL's canonical type spellings, so that the differ compares types by meaning:
// int4/int/integer -> INTEGER, character varying(20) -> VARCHAR(20), timestamp with time zone
// -> TIMESTAMPTZ, integer[] -> INTEGER[]. Built-in types come out upper case; anything else
// (enums, domains, extension types) keeps its exact spelling, since their names are
// case-sensitive. Pure functions, any thread.
class PostgresTypes
{
public:
    // `raw` as format_type() prints it or as a user writes it in DDL.
    static QString normalize(const QString &raw);
    // serial4/serial -> INTEGER, bigserial/serial8 -> BIGINT, smallserial/serial2 -> SMALLINT;
    // empty for any other type.
    static QString serialBaseType(const QString &raw);
    // The largest value of an integer type (normalised name), 0 for other types.
    static qint64 integerMaximum(const QString &normalized);
};

} // namespace Retort

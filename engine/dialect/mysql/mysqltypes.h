#pragma once

#include <engine/schema/columntype.h>

#include <QString>

namespace Retort {

// MySQL/MariaDB column types in their canonical spelling, so that the same DDL always gives the
// same normalised type, whichever server version reports it. Input is information_schema's
// COLUMN_TYPE (or a type as written in DDL). Upper case outside quotes; integer display widths
// dropped except TINYINT(1) (the boolean) and ZEROFILL types; synonyms folded (INTEGER -> INT,
// BOOL -> TINYINT(1), NUMERIC -> DECIMAL, REAL/DOUBLE PRECISION -> DOUBLE, YEAR(4) -> YEAR);
// ENUM/SET values keep their exact text. Pure functions, any thread.
class MysqlTypes
{
public:
    static QString normalize(const QString &raw);
    static Schema::ColumnType columnType(const QString &raw) { return {raw, normalize(raw)}; }

    // The CHECK clause MariaDB attaches to a JSON column `column` (json_valid(`column`)).
    static bool isJsonValidCheck(const QString &clause, const QString &column);
};

} // namespace Retort

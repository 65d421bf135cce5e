#pragma once

#include <engine/core/sqldialect.h>
#include <engine/schema/columntype.h>

#include <QString>

namespace Retort {

// Folds a column type as an engine reports it into the dialect's canonical spelling, so that
// the differ compares only normalised forms. Upper case (quoted parts such as MySQL ENUM
// values and PostgreSQL quoted type names keep their case), no spaces around parentheses and
// commas, synonyms folded:
//   SQLite:     INT -> INTEGER, CHARACTER VARYING(n) -> VARCHAR(n)
//   PostgreSQL (PostgresTypes::normalize): int4/int/integer/serial -> INTEGER, int8/bigserial -> BIGINT, int2 -> SMALLINT,
//               character varying(n) -> VARCHAR(n), character(n) -> CHAR(n),
//               bool -> BOOLEAN, float8/float -> DOUBLE PRECISION, float4 -> REAL,
//               decimal -> NUMERIC, timestamp without time zone -> TIMESTAMP,
//               timestamp(3) with time zone/timestamptz -> TIMESTAMPTZ(3), _int4 -> INTEGER[]
//   MySQL:      int(11)/integer -> INT, bigint(20) unsigned -> BIGINT UNSIGNED,
//               tinyint(1)/bool -> TINYINT(1), tinyint(4) -> TINYINT, numeric -> DECIMAL,
//               decimal -> DECIMAL(10,0), enum('a','b') -> ENUM('a','b')
// Unknown names are kept (upper-cased, except PostgreSQL's: user types are case-sensitive).
class TypeNormalizer
{
public:
    explicit TypeNormalizer(SqlDialect dialect)
        : m_dialect(dialect)
    {}

    QString normalize(const QString &raw) const;
    Schema::ColumnType columnType(const QString &raw) const { return {raw, normalize(raw)}; }

private:
    SqlDialect m_dialect;
};

} // namespace Retort

#pragma once

#include <QString>

namespace Retort {

// The SQL engines Retort knows.
enum class SqlDialect { SQLite, PostgreSQL, MySQL };

inline QString dialectName(SqlDialect d)
{
    switch (d) {
    case SqlDialect::SQLite:
        return QStringLiteral("sqlite");
    case SqlDialect::PostgreSQL:
        return QStringLiteral("postgresql");
    case SqlDialect::MySQL:
        return QStringLiteral("mysql");
    }
    return {};
}

} // namespace Retort

#pragma once

#include <engine/core/sqldialect.h>

#include <QString>

namespace Retort {

// Words a dialect reserves, so that an identifier spelled like one must be quoted. The lists
// lean towards quoting too much: a needless quote is harmless, a missing one is a syntax error.
class SqlKeywords
{
public:
    static bool isReserved(SqlDialect dialect, const QString &word); // case-insensitive
};

} // namespace Retort

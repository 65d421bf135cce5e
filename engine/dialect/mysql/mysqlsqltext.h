#pragma once

#include <QString>

namespace Retort {

// SQL text as MySQL/MariaDB store it (view queries, CHECK clauses), made independent of the
// database it was read from. Pure functions, any thread.
class MysqlSqlText
{
public:
    // Removes the qualifier `schema`. (as the server writes it: backquoted) outside string
    // literals and comments: select `db`.`t`.`id` from `db`.`t` -> select `t`.`id` from `t`.
    static QString stripSchema(const QString &sql, const QString &schema);
    // `na``me`
    static QString quoteIdentifier(const QString &name);
};

} // namespace Retort

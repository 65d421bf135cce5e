#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace Retort {

// Column defaults and ON UPDATE clauses from information_schema.COLUMNS, in one spelling for
// both servers: MariaDB 10.2.7+'s (SQL expressions: 'abc' quoted, 1.50, current_timestamp(),
// b'101', (1 + 2)). A nullable column without a DEFAULT clause and one with DEFAULT NULL are
// the same column, so both have no default (std::nullopt). Pure functions, any thread.
class MysqlDefaults
{
public:
    // MariaDB: COLUMN_DEFAULT is SQL NULL when there is none, the text NULL for DEFAULT NULL,
    // else the expression as MariaDB prints it.
    static std::optional<QString> fromMariaDb(const QVariant &columnDefault);
    // MySQL 5.7/8: COLUMN_DEFAULT holds a literal's value unquoted; EXTRA says DEFAULT_GENERATED
    // for expressions. `dataType` is DATA_TYPE (int, varchar, ...).
    static std::optional<QString> fromMySql(const QVariant &columnDefault, const QString &dataType,
                                            const QString &extra);
    // "on update current_timestamp()" (MariaDB) or "DEFAULT_GENERATED on update
    // CURRENT_TIMESTAMP(3)" (MySQL) -> "current_timestamp()" / "current_timestamp(3)"; else empty.
    static QString onUpdate(const QString &extra);
    // SQL string literal: it's -> 'it''s'.
    static QString quoteLiteral(const QString &value);
};

} // namespace Retort

#pragma once

#include <engine/dialect/sqlrenderer.h>

#include <optional>

namespace Retort {

// MySQL and MariaDB DDL: MODIFY COLUMN with the whole column definition, DROP INDEX for
// indexes and unique keys, DROP FOREIGN KEY, DROP CHECK (MariaDB: DROP CONSTRAINT). Enum
// types do not exist here (ENUM('a','b') is a column type).
class MysqlRenderer final : public SqlRenderer
{
public:
    explicit MysqlRenderer(MysqlFlavor flavor = MysqlFlavor::MariaDB) : m_flavor(flavor) {}

    SqlDialect dialect() const override { return SqlDialect::MySQL; }
    MysqlFlavor flavor() const { return m_flavor; }
    Result<RenderedStatementList> render(const Schema::Database &before,
                                         const Ops::OperationList &ops) const override;

    static QStringList createTable(const Schema::Table &table);
    static QString columnDefinition(const Schema::Column &column);

private:
    // Unique, check and foreign-key constraints; nullopt for other operations.
    std::optional<Result<QStringList>> constraintStatements(const Schema::Database &state,
                                                            const Ops::Operation &op) const;
    Result<RenderedStatementList> renderOne(const Schema::Database &state,
                                            const Ops::Operation &op) const;

    MysqlFlavor m_flavor;
};

} // namespace Retort

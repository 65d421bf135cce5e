#pragma once

#include <engine/dialect/sqlrenderer.h>

namespace Retort {

// PostgreSQL DDL: ALTER COLUMN ... TYPE with USING where no implicit cast exists, identity and
// serial columns, enums (removing a value recreates the type), CREATE OR REPLACE VIEW.
class PostgresRenderer final : public SqlRenderer
{
public:
    SqlDialect dialect() const override { return SqlDialect::PostgreSQL; }
    Result<RenderedStatementList> render(const Schema::Database &before,
                                         const Ops::OperationList &ops) const override;

    // CREATE TABLE (and its indexes, comments and triggers), one statement each.
    static QStringList createTable(const Schema::Table &table);
    static QString columnDefinition(const Schema::Column &column);
};

} // namespace Retort

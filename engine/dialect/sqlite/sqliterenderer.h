#pragma once

#include <engine/dialect/sqlrenderer.h>

namespace Retort {

// SQLite DDL. What ALTER TABLE cannot do (change a column, add or drop a constraint or a
// foreign key, drop a column that something refers to) becomes the table-rebuild recipe of
// SqliteTableRebuild; consecutive operations on one table share one rebuild.
class SqliteRenderer final : public SqlRenderer
{
public:
    SqlDialect dialect() const override { return SqlDialect::SQLite; }
    Result<RenderedStatementList> render(const Schema::Database &before,
                                         const Ops::OperationList &ops) const override;

    // CREATE TABLE `name` (or the table's own name) with the table's columns and constraints;
    // no indexes or triggers.
    static QString createTableStatement(const Schema::Table &table, const QString &name = {});
    // CREATE TABLE, then its indexes and triggers.
    static QStringList createTable(const Schema::Table &table);
    static QString columnDefinition(const Schema::Column &column, bool inlineAutoIncrementKey);
    static QString createIndex(const QString &table, const Schema::Index &index);

private:
    Result<RenderedStatementList> renderOne(const Schema::Database &state,
                                            const Ops::Operation &op) const;
};

} // namespace Retort

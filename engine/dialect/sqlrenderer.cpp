#include "sqlrenderer.h"

#include "mysql/mysqlrenderer.h"
#include "postgres/postgresrenderer.h"
#include "sqlite/sqliterenderer.h"

#include <engine/core/enginetr.h>
#include <engine/diff/operationapplier.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

bool RenderedMigration::needsNoTransaction(const RenderedStatementList &statements)
{
    for (const RenderedStatement &s : statements) {
        if (s.outsideTransaction)
            return true;
    }
    return false;
}

bool RenderedMigration::needsForeignKeysOff(const RenderedStatementList &statements)
{
    for (const RenderedStatement &s : statements) {
        if (s.foreignKeysOff)
            return true;
    }
    return false;
}

Result<RenderedMigration> SqlRenderer::renderMigration(const Schema::Database &before,
                                                       const Ops::OperationList &ops) const
{
    Result<RenderedStatementList> upgrade = render(before, ops);
    if (!upgrade)
        return upgrade.error();
    Schema::Database after = before;
    if (Result<void> applied = Ops::OperationApplier::apply(after, ops); !applied)
        return applied.error();
    Result<RenderedStatementList> downgrade = render(after, Ops::reverse(ops));
    if (!downgrade)
        return downgrade.error().withContext(Tr::tr("downgrade"));
    return RenderedMigration{*std::move(upgrade), *std::move(downgrade)};
}

std::unique_ptr<SqlRenderer> SqlRenderer::create(SqlDialect dialect, MysqlFlavor flavor)
{
    switch (dialect) {
    case SqlDialect::SQLite:
        return std::make_unique<SqliteRenderer>();
    case SqlDialect::PostgreSQL:
        return std::make_unique<PostgresRenderer>();
    case SqlDialect::MySQL:
        return std::make_unique<MysqlRenderer>(flavor);
    }
    return std::make_unique<SqliteRenderer>();
}

Result<RenderedStatementList> SqlRenderer::renderEach(SqlDialect dialect,
                                                      const Schema::Database &before,
                                                      const Ops::OperationList &operations,
                                                      const RenderOne &renderOne)
{
    Schema::Database state = before;
    Ops::OperationList ops = operations;
    if (state.dialect != dialect)
        useNormalizedTypes(state, ops);
    RenderedStatementList out;
    for (int i = 0; i < ops.size(); ++i) {
        Result<RenderedStatementList> one = renderOne(state, ops.at(i));
        if (!one)
            return one.error().withContext(Ops::describe(ops.at(i)).section(u'\n', 0, 0));
        for (RenderedStatement &s : *one) {
            s.operationIndex = i;
            s.operationCount = 1;
            out.append(s);
        }
        if (Result<void> applied = Ops::OperationApplier::apply(state, ops.at(i)); !applied)
            return applied.error();
    }
    return out;
}

namespace {

void normalizeColumn(Schema::Column &c)
{
    if (!c.type.normalized.isEmpty())
        c.type.raw.clear();
}

void normalizeTable(Schema::Table &t)
{
    for (Schema::Column &c : t.columns)
        normalizeColumn(c);
}

} // namespace

void SqlRenderer::useNormalizedTypes(Schema::Database &before, Ops::OperationList &ops)
{
    for (Schema::Table &t : before.tables)
        normalizeTable(t);
    for (Ops::Operation &op : ops) {
        if (auto *o = std::get_if<Ops::CreateTable>(&op))
            normalizeTable(o->table);
        else if (auto *d = std::get_if<Ops::DropTable>(&op))
            normalizeTable(d->table);
        else if (auto *a = std::get_if<Ops::AddColumn>(&op))
            normalizeColumn(a->column);
        else if (auto *r = std::get_if<Ops::DropColumn>(&op))
            normalizeColumn(r->column);
        else if (auto *c = std::get_if<Ops::AlterColumn>(&op)) {
            normalizeColumn(c->from);
            normalizeColumn(c->to);
        }
    }
}

RenderedStatementList SqlRenderer::statements(const QStringList &sql)
{
    RenderedStatementList out;
    for (const QString &s : sql)
        out.append(RenderedStatement{s});
    return out;
}

Error SqlRenderer::unsupported(const QString &what, SqlDialect dialect)
{
    return Error(Error::Kind::Internal,
                 Tr::tr("%1 is not supported by the %2 dialect.").arg(what, dialectName(dialect)));
}

} // namespace Retort

#pragma once

#include "renderedstatement.h"

#include <engine/core/result.h>
#include <engine/core/sqldialect.h>
#include <engine/diff/operation.h>
#include <engine/schema/database.h>

#include <functional>
#include <memory>

namespace Retort {

// Which server a MySQL-dialect renderer writes for, where their syntax differs.
enum class MysqlFlavor { MariaDB, MySQL };

// The upgrade statements of a migration and their exact inverse.
struct RenderedMigration
{
    RenderedStatementList upgrade;
    RenderedStatementList downgrade;

    // True when some statement must run outside a transaction block.
    static bool needsNoTransaction(const RenderedStatementList &statements);
    // True when some statement needs SQLite's foreign keys off: the revision gets
    // "-- migrate:foreign-keys-off".
    static bool needsForeignKeysOff(const RenderedStatementList &statements);
};

// Turns schema operations into SQL statements of one dialect. `before` is the schema the
// operations start from: renderers apply each operation to a copy of it, so they know every
// table's whole state at each step (SQLite's rebuild writes the whole table). Pure: no
// database, any thread.
class SqlRenderer
{
public:
    virtual ~SqlRenderer() = default;

    virtual SqlDialect dialect() const = 0;
    virtual Result<RenderedStatementList> render(const Schema::Database &before,
                                                 const Ops::OperationList &ops) const = 0;

    // Upgrade = render(before, ops); downgrade = render(after, reverse(ops)), where `after` is
    // `before` with the operations applied.
    Result<RenderedMigration> renderMigration(const Schema::Database &before,
                                              const Ops::OperationList &ops) const;

    static std::unique_ptr<SqlRenderer> create(SqlDialect dialect,
                                               MysqlFlavor flavor = MysqlFlavor::MariaDB);

protected:
    // Renders one operation against `state`, the schema just before it.
    using RenderOne = std::function<Result<RenderedStatementList>(const Schema::Database &state,
                                                                  const Ops::Operation &op)>;
    // Op by op: renders each against the schema so far, sets operationIndex, then applies the
    // operation to the schema (OperationApplier).
    static Result<RenderedStatementList> renderEach(SqlDialect dialect,
                                                    const Schema::Database &before,
                                                    const Ops::OperationList &ops,
                                                    const RenderOne &renderOne);
    // A column type's `raw` spelling only round-trips on the engine that reported it: for a
    // schema of another dialect, the renderers write the normalised spelling instead.
    static void useNormalizedTypes(Schema::Database &before, Ops::OperationList &ops);
    // Plain statements without flags.
    static RenderedStatementList statements(const QStringList &sql);
    static Error unsupported(const QString &what, SqlDialect dialect);
};

} // namespace Retort

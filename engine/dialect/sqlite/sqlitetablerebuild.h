#pragma once

#include <engine/dialect/renderedstatement.h>
#include <engine/diff/operation.h>
#include <engine/schema/database.h>

namespace Retort {

// SQLite's recipe for table changes that ALTER TABLE cannot make (sqlite.org/lang_altertable.html,
// "Making Other Kinds Of Table Schema Changes"): create "_retort_tmp_<t>" with the new
// definition, copy the common columns, drop the old table, rename the new one, recreate indexes
// and triggers, PRAGMA foreign_key_check.
//
// Foreign keys: with foreign_keys=ON, DROP TABLE of a table that other tables (or itself)
// refer to deletes its rows first, which fires ON DELETE CASCADE / SET NULL in the children,
// and RESTRICT fails; PRAGMA defer_foreign_keys does not stop those actions. Such a rebuild
// therefore needs foreign_keys off, which SQLite only allows outside a transaction: its
// statements are flagged foreignKeysOff, the revision gets "-- migrate:foreign-keys-off", and the
// runner switches them off before the revision's one transaction and runs the foreign-key check
// before committing it (the revision text carries no BEGIN/COMMIT of its own, so a failure
// rolls back all of it, version-table row included). The rename runs with
// legacy_alter_table=ON, so that views and triggers of other tables that name the table are
// not re-checked while it is briefly missing.
class SqliteTableRebuild
{
public:
    // True when `op` cannot be an ALTER TABLE against `state` (the schema just before it).
    static bool isNeeded(const Schema::Database &state, const Ops::Operation &op);
    // Statements for ops (all on one table), turning `before` into `after`.
    static RenderedStatementList render(const Schema::Database &before,
                                        const Ops::OperationList &ops,
                                        const Schema::Database &after, const QString &table);
    // Some table in `db`, the table itself included, has a foreign key to `table`.
    static bool isReferenced(const Schema::Database &db, const QString &table);
    // An ALTER TABLE ADD COLUMN can add it (sqlite.org/lang_altertable.html).
    static bool canAddColumn(const Schema::Column &column);
};

} // namespace Retort

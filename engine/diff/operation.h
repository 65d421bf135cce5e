#pragma once

#include <engine/schema/column.h>
#include <engine/schema/checkconstraint.h>
#include <engine/schema/enumtype.h>
#include <engine/schema/foreignkey.h>
#include <engine/schema/index.h>
#include <engine/schema/primarykey.h>
#include <engine/schema/table.h>
#include <engine/schema/uniqueconstraint.h>
#include <engine/schema/view.h>

#include <QList>
#include <QString>

#include <variant>

namespace Retort::Ops {

// Schema operations as plain data. Each one carries the whole values it touches (and the old
// value for drops and alters), so its exact inverse follows without a database: reverse(op).
// Table names are the tables' exact names.

// CREATE TABLE. `table` may hold indexes and triggers: the renderer creates them after the table.
// The differ emits new tables' indexes as separate CreateIndex ops, and FKs that close a cycle as
// AddForeignKey after all tables exist.
struct CreateTable
{
    Schema::Table table;
    bool operator==(const CreateTable &) const = default;
};
// DROP TABLE, with the whole table as it was (indexes, FKs, triggers included).
struct DropTable
{
    Schema::Table table;
    bool operator==(const DropTable &) const = default;
};
struct AddColumn
{
    QString table;
    Schema::Column column;
    bool operator==(const AddColumn &) const = default;
};
struct DropColumn
{
    QString table;
    Schema::Column column;
    bool operator==(const DropColumn &) const = default;
};
// Changes one column in place. The flags say what the renderer must change; `from` and `to` are
// the whole column before and after (same name).
struct AlterColumn
{
    QString table;
    Schema::Column from;
    Schema::Column to;
    bool typeChanged = false;
    bool nullableChanged = false;
    bool defaultChanged = false;
    bool collationChanged = false;
    bool identityChanged = false;
    bool generatedChanged = false; // generated kind or expression
    bool commentChanged = false;
    bool onUpdateChanged = false; // MySQL ON UPDATE expression
    bool operator==(const AlterColumn &) const = default;
};
// Replaces the primary key (an empty `from` adds one, an empty `to` removes it). Not in
// Alembic's autogenerate; here so that a changed key is never silently missed.
struct AlterPrimaryKey
{
    QString table;
    Schema::PrimaryKey from;
    Schema::PrimaryKey to;
    bool operator==(const AlterPrimaryKey &) const = default;
};
struct CreateIndex
{
    QString table;
    Schema::Index index;
    bool operator==(const CreateIndex &) const = default;
};
struct DropIndex
{
    QString table;
    Schema::Index index;
    bool operator==(const DropIndex &) const = default;
};
struct AddUniqueConstraint
{
    QString table;
    Schema::UniqueConstraint constraint;
    bool operator==(const AddUniqueConstraint &) const = default;
};
struct DropUniqueConstraint
{
    QString table;
    Schema::UniqueConstraint constraint;
    bool operator==(const DropUniqueConstraint &) const = default;
};
struct AddCheckConstraint
{
    QString table;
    Schema::CheckConstraint constraint;
    bool operator==(const AddCheckConstraint &) const = default;
};
struct DropCheckConstraint
{
    QString table;
    Schema::CheckConstraint constraint;
    bool operator==(const DropCheckConstraint &) const = default;
};
struct AddForeignKey
{
    QString table;
    Schema::ForeignKey foreignKey;
    bool operator==(const AddForeignKey &) const = default;
};
struct DropForeignKey
{
    QString table;
    Schema::ForeignKey foreignKey;
    bool operator==(const DropForeignKey &) const = default;
};
struct CreateView
{
    Schema::View view;
    bool operator==(const CreateView &) const = default;
};
struct DropView
{
    Schema::View view;
    bool operator==(const DropView &) const = default;
};
// CREATE OR REPLACE VIEW (SQLite: drop and create).
struct ReplaceView
{
    Schema::View from;
    Schema::View to;
    bool operator==(const ReplaceView &) const = default;
};
struct CreateEnum
{
    Schema::EnumType enumType;
    bool operator==(const CreateEnum &) const = default;
};
struct DropEnum
{
    Schema::EnumType enumType;
    bool operator==(const DropEnum &) const = default;
};
// ALTER TYPE name ADD VALUE 'value' [BEFORE 'x' | AFTER 'y']. `from` is the type before;
// the value goes to position `position` of the new value list.
struct AddEnumValue
{
    Schema::EnumType from;
    QString value;
    int position = 0;
    QString before() const; // the value it is placed before; empty = appended
    QString after() const;  // the value it is placed after; empty = first
    bool operator==(const AddEnumValue &) const = default;
};
// Removes one value from an enum (PostgreSQL cannot: the renderer recreates the type). Exists as
// the inverse of AddEnumValue and for values the models dropped. `from` is the type before.
struct DropEnumValue
{
    Schema::EnumType from;
    QString value;
    bool operator==(const DropEnumValue &) const = default;
};
struct RenameTable
{
    QString from;
    QString to;
    bool operator==(const RenameTable &) const = default;
};
struct RenameColumn
{
    QString table;
    QString from;
    QString to;
    bool operator==(const RenameColumn &) const = default;
};
// Raw SQL the user wrote, with its inverse (empty = irreversible).
struct ExecuteSql
{
    QString sql;
    QString reverseSql;
    bool operator==(const ExecuteSql &) const = default;
};

using Operation = std::variant<CreateTable,
                               DropTable,
                               AddColumn,
                               DropColumn,
                               AlterColumn,
                               CreateIndex,
                               DropIndex,
                               AddUniqueConstraint,
                               DropUniqueConstraint,
                               AddCheckConstraint,
                               DropCheckConstraint,
                               AddForeignKey,
                               DropForeignKey,
                               CreateView,
                               DropView,
                               ReplaceView,
                               CreateEnum,
                               DropEnum,
                               AddEnumValue,
                               DropEnumValue,
                               RenameTable,
                               RenameColumn,
                               ExecuteSql,
                               AlterPrimaryKey>;
using OperationList = QList<Operation>;

// The exact inverse: reverse(reverse(op)) == op.
Operation reverse(const Operation &op);
// The downgrade of an upgrade list: each op reversed, in reverse order.
OperationList reverse(const OperationList &ops);

// Loses data: drop table, drop column, a narrowing type change, drop enum or enum value.
bool isDestructive(const Operation &op);
// A type change that may not keep every value (shorter VARCHAR, smaller integer, any change
// between unrelated types). Compares normalised types.
bool isNarrowingTypeChange(const QString &fromNormalized, const QString &toNormalized);

// Alembic-like one-liner: "Detected added column 'user.age'". An AlterColumn that changes
// several things gives one line per change, joined with '\n' (DiffResult::describe() splits them).
QString describe(const Operation &op);
// The table an operation touches; empty for views and enums.
QString tableName(const Operation &op);

} // namespace Retort::Ops

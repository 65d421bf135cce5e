#include "operationapplier.h"

#include <engine/core/enginetr.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

namespace {

using Schema::Database;
using Schema::Table;

template<class... Fs>
struct Overloaded : Fs...
{
    using Fs::operator()...;
};
template<class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

Error missing(const QString &what, const QString &name)
{
    return Error(Error::Kind::Internal,
                 Tr::tr("Cannot apply operation: no %1 '%2'.").arg(what, name));
}

template<typename T>
bool removeNamed(QList<T> &list, const T &item)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i) == item || (!item.name.isEmpty() && list.at(i).name == item.name)) {
            list.removeAt(i);
            return true;
        }
    }
    return false;
}

template<typename T>
bool removeNamedValue(QList<T> &list, const QString &name)
{
    return list.removeIf([&](const T &x) { return x.name == name; }) > 0;
}

void renameColumnRefs(Database &db, const QString &table, const QString &from, const QString &to)
{
    auto fix = [&](QString &n) {
        if (n == from)
            n = to;
    };
    Table *t = db.table(table);
    for (QString &c : t->primaryKey.columns)
        fix(c);
    for (auto &u : t->uniqueConstraints)
        std::for_each(u.columns.begin(), u.columns.end(), fix);
    for (auto &i : t->indexes) {
        for (auto &c : i.columns)
            fix(c.name);
    }
    for (Table &other : db.tables) {
        for (auto &fk : other.foreignKeys) {
            if (&other == t)
                std::for_each(fk.columns.begin(), fk.columns.end(), fix);
            if (fk.referencedTable == table)
                std::for_each(fk.referencedColumns.begin(), fk.referencedColumns.end(), fix);
        }
    }
}

Result<void> applyEnum(Database &db, const QString &name, const Schema::EnumType &to)
{
    for (Schema::EnumType &e : db.enums) {
        if (e.name == name) {
            e = to;
            return {};
        }
    }
    return missing(u"enum"_s, name);
}

} // namespace

namespace {

Result<void> applyTableOp(Database &db, Table &t, const Operation &op)
{
    auto fail = [](const QString &what, const QString &name) -> Result<void> {
        return missing(what, name);
    };
    return std::visit(Overloaded{
                          [&](const AddColumn &o) -> Result<void> {
                              t.columns.append(o.column);
                              return {};
                          },
                          [&](const DropColumn &o) -> Result<void> {
                              return removeNamedValue(t.columns, o.column.name)
                                         ? Result<void>()
                                         : fail(u"column"_s, o.column.name);
                          },
                          [&](const AlterColumn &o) -> Result<void> {
                              Schema::Column *c = t.column(o.from.name);
                              if (!c)
                                  return fail(u"column"_s, o.from.name);
                              *c = o.to;
                              return {};
                          },
                          [&](const AlterPrimaryKey &o) -> Result<void> {
                              t.primaryKey = o.to;
                              return {};
                          },
                          [&](const RenameColumn &o) -> Result<void> {
                              Schema::Column *c = t.column(o.from);
                              if (!c)
                                  return fail(u"column"_s, o.from);
                              c->name = o.to;
                              renameColumnRefs(db, t.name, o.from, o.to);
                              return {};
                          },
                          [&](const CreateIndex &o) -> Result<void> {
                              t.indexes.append(o.index);
                              return {};
                          },
                          [&](const DropIndex &o) -> Result<void> {
                              return removeNamedValue(t.indexes, o.index.name)
                                         ? Result<void>()
                                         : fail(u"index"_s, o.index.name);
                          },
                          [&](const AddUniqueConstraint &o) -> Result<void> {
                              t.uniqueConstraints.append(o.constraint);
                              return {};
                          },
                          [&](const DropUniqueConstraint &o) -> Result<void> {
                              return removeNamed(t.uniqueConstraints, o.constraint)
                                         ? Result<void>()
                                         : fail(u"unique constraint"_s, o.constraint.name);
                          },
                          [&](const AddCheckConstraint &o) -> Result<void> {
                              t.checkConstraints.append(o.constraint);
                              return {};
                          },
                          [&](const DropCheckConstraint &o) -> Result<void> {
                              return removeNamed(t.checkConstraints, o.constraint)
                                         ? Result<void>()
                                         : fail(u"check constraint"_s, o.constraint.name);
                          },
                          [&](const AddForeignKey &o) -> Result<void> {
                              t.foreignKeys.append(o.foreignKey);
                              return {};
                          },
                          [&](const DropForeignKey &o) -> Result<void> {
                              return removeNamed(t.foreignKeys, o.foreignKey)
                                         ? Result<void>()
                                         : fail(u"foreign key"_s, o.foreignKey.name);
                          },
                          [&](const auto &) -> Result<void> {
                              return Error(Error::Kind::Internal, Tr::tr("Not a table operation."));
                          },
                      },
                      op);
}

Result<void> applyDatabaseOp(Database &db, const Operation &op)
{
    return std::visit(
        Overloaded{
            [&](const CreateTable &o) -> Result<void> {
                db.tables.append(o.table);
                return {};
            },
            [&](const DropTable &o) -> Result<void> {
                return removeNamedValue(db.tables, o.table.name)
                           ? Result<void>()
                           : missing(u"table"_s, o.table.name);
            },
            [&](const RenameTable &o) -> Result<void> {
                Table *t = db.table(o.from);
                if (!t)
                    return missing(u"table"_s, o.from);
                t->name = o.to;
                for (Table &other : db.tables) {
                    for (auto &fk : other.foreignKeys) {
                        if (fk.referencedTable == o.from)
                            fk.referencedTable = o.to;
                    }
                }
                return {};
            },
            [&](const CreateView &o) -> Result<void> {
                db.views.append(o.view);
                return {};
            },
            [&](const DropView &o) -> Result<void> {
                return removeNamedValue(db.views, o.view.name) ? Result<void>()
                                                               : missing(u"view"_s, o.view.name);
            },
            [&](const ReplaceView &o) -> Result<void> {
                for (Schema::View &v : db.views) {
                    if (v.name == o.from.name) {
                        v = o.to;
                        return {};
                    }
                }
                return missing(u"view"_s, o.from.name);
            },
            [&](const CreateEnum &o) -> Result<void> {
                db.enums.append(o.enumType);
                return {};
            },
            [&](const DropEnum &o) -> Result<void> {
                return removeNamedValue(db.enums, o.enumType.name)
                           ? Result<void>()
                           : missing(u"enum"_s, o.enumType.name);
            },
            [&](const AddEnumValue &o) -> Result<void> {
                Schema::EnumType to = o.from;
                to.values.insert(std::clamp(o.position, 0, int(to.values.size())), o.value);
                return applyEnum(db, o.from.name, to);
            },
            [&](const DropEnumValue &o) -> Result<void> {
                Schema::EnumType to = o.from;
                to.values.removeOne(o.value);
                return applyEnum(db, o.from.name, to);
            },
            [&](const ExecuteSql &) -> Result<void> { return {}; },
            [&](const auto &) -> Result<void> {
                const QString name = tableName(op);
                Table *t = db.table(name);
                if (!t)
                    return missing(u"table"_s, name);
                return applyTableOp(db, *t, op);
            },
        },
        op);
}

} // namespace

Result<void> OperationApplier::apply(Schema::Database &database, const Operation &op)
{
    return applyDatabaseOp(database, op);
}

Result<void> OperationApplier::apply(Schema::Database &database, const OperationList &ops)
{
    for (const Operation &op : ops) {
        const Result<void> r = applyDatabaseOp(database, op);
        if (!r)
            return r.error().withContext(describe(op));
    }
    return {};
}

} // namespace Retort::Ops

#include "operationapplier.h"

#include <engine/core/enginetr.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

namespace {

using Schema::Database;
using Schema::Table;

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

// Applies one operation; a visitor so that each kind is its own short function.
struct Applier
{
    Database &db;

    Result<void> fail(const QString &what, const QString &name) { return missing(what, name); }

    template<typename Op, typename Body>
    Result<void> onTable(const Op &op, Body body)
    {
        Table *t = db.table(op.table);
        if (!t)
            return fail(u"table"_s, op.table);
        return body(*t);
    }

    Result<void> operator()(const CreateTable &o)
    {
        db.tables.append(o.table);
        return {};
    }
    Result<void> operator()(const DropTable &o)
    {
        return removeNamedValue(db.tables, o.table.name) ? Result<void>()
                                                         : fail(u"table"_s, o.table.name);
    }
    Result<void> operator()(const AddColumn &o)
    {
        return onTable(o, [&](Table &t) -> Result<void> {
            t.columns.append(o.column);
            return {};
        });
    }
    Result<void> operator()(const DropColumn &o)
    {
        return onTable(o, [&](Table &t) -> Result<void> {
            return removeNamedValue(t.columns, o.column.name) ? Result<void>()
                                                              : fail(u"column"_s, o.column.name);
        });
    }
    Result<void> operator()(const AlterColumn &o)
    {
        return onTable(o, [&](Table &t) -> Result<void> {
            Schema::Column *c = t.column(o.from.name);
            if (!c)
                return fail(u"column"_s, o.from.name);
            *c = o.to;
            return {};
        });
    }
    Result<void> operator()(const AlterPrimaryKey &o)
    {
        return onTable(o, [&](Table &t) -> Result<void> {
            t.primaryKey = o.to;
            return {};
        });
    }
    Result<void> operator()(const RenameColumn &o)
    {
        return onTable(o, [&](Table &t) -> Result<void> {
            Schema::Column *c = t.column(o.from);
            if (!c)
                return fail(u"column"_s, o.from);
            c->name = o.to;
            renameColumnRefs(db, t.name, o.from, o.to);
            return {};
        });
    }
    template<typename List, typename Item>
    Result<void> add(const QString &table, List Table::*list, const Item &item)
    {
        Table *t = db.table(table);
        if (!t)
            return fail(u"table"_s, table);
        (t->*list).append(item);
        return {};
    }
    template<typename List, typename Item>
    Result<void> remove(const QString &table,
                        List Table::*list,
                        const Item &item,
                        const QString &what)
    {
        Table *t = db.table(table);
        if (!t)
            return fail(u"table"_s, table);
        return removeNamed(t->*list, item) ? Result<void>() : fail(what, item.name);
    }
    Result<void> operator()(const CreateIndex &o) { return add(o.table, &Table::indexes, o.index); }
    Result<void> operator()(const DropIndex &o)
    {
        return remove(o.table, &Table::indexes, o.index, u"index"_s);
    }
    Result<void> operator()(const AddUniqueConstraint &o)
    {
        return add(o.table, &Table::uniqueConstraints, o.constraint);
    }
    Result<void> operator()(const DropUniqueConstraint &o)
    {
        return remove(o.table, &Table::uniqueConstraints, o.constraint, u"unique constraint"_s);
    }
    Result<void> operator()(const AddCheckConstraint &o)
    {
        return add(o.table, &Table::checkConstraints, o.constraint);
    }
    Result<void> operator()(const DropCheckConstraint &o)
    {
        return remove(o.table, &Table::checkConstraints, o.constraint, u"check constraint"_s);
    }
    Result<void> operator()(const AddForeignKey &o)
    {
        return add(o.table, &Table::foreignKeys, o.foreignKey);
    }
    Result<void> operator()(const DropForeignKey &o)
    {
        return remove(o.table, &Table::foreignKeys, o.foreignKey, u"foreign key"_s);
    }
    Result<void> operator()(const RenameTable &o)
    {
        Table *t = db.table(o.from);
        if (!t)
            return fail(u"table"_s, o.from);
        t->name = o.to;
        for (Table &other : db.tables) {
            for (auto &fk : other.foreignKeys) {
                if (fk.referencedTable == o.from)
                    fk.referencedTable = o.to;
            }
        }
        return {};
    }
    Result<void> operator()(const CreateView &o)
    {
        db.views.append(o.view);
        return {};
    }
    Result<void> operator()(const DropView &o)
    {
        return removeNamedValue(db.views, o.view.name) ? Result<void>()
                                                       : fail(u"view"_s, o.view.name);
    }
    Result<void> operator()(const ReplaceView &o)
    {
        for (Schema::View &v : db.views) {
            if (v.name == o.from.name) {
                v = o.to;
                return {};
            }
        }
        return fail(u"view"_s, o.from.name);
    }
    Result<void> operator()(const CreateEnum &o)
    {
        db.enums.append(o.enumType);
        return {};
    }
    Result<void> operator()(const DropEnum &o)
    {
        return removeNamedValue(db.enums, o.enumType.name) ? Result<void>()
                                                           : fail(u"enum"_s, o.enumType.name);
    }
    Result<void> operator()(const AddEnumValue &o)
    {
        Schema::EnumType to = o.from;
        to.values.insert(std::clamp(o.position, 0, int(to.values.size())), o.value);
        return applyEnum(db, o.from.name, to);
    }
    Result<void> operator()(const DropEnumValue &o)
    {
        Schema::EnumType to = o.from;
        to.values.removeOne(o.value);
        return applyEnum(db, o.from.name, to);
    }
    Result<void> operator()(const ExecuteSql &) { return {}; }
};

} // namespace

Result<void> OperationApplier::apply(Schema::Database &database, const Operation &op)
{
    return std::visit(Applier{database}, op);
}

Result<void> OperationApplier::apply(Schema::Database &database, const OperationList &ops)
{
    for (const Operation &op : ops) {
        const Result<void> r = std::visit(Applier{database}, op);
        if (!r)
            return r.error().withContext(describe(op));
    }
    return {};
}

} // namespace Retort::Ops

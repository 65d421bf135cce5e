#include "differ.h"

#include "matchrules.h"
#include "tablediffer.h"
#include "tableorder.h"
#include "vieworder.h"

#include <QHash>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

namespace {

using Schema::Database;
using Schema::Table;

struct Context
{
    const DiffOptions &options;
    MatchRules rules;
    DiffResult result;
};

QList<const Table *> includedTables(const Database &db, const DiffOptions &options)
{
    QList<const Table *> tables;
    for (const Table &t : db.tables) {
        if (!options.tables.isExcluded(t.name))
            tables.append(&t);
    }
    std::sort(tables.begin(), tables.end(), [](const Table *a, const Table *b) {
        return a->name < b->name;
    });
    return tables;
}

template<typename T>
QHash<QString, const T *> byKey(const QList<const T *> &items, const MatchRules &rules)
{
    QHash<QString, const T *> map;
    map.reserve(items.size());
    for (const T *item : items)
        map.insert(rules.key(item->name), item);
    return map;
}

template<typename T>
QList<const T *> pointers(const QList<T> &items)
{
    QList<const T *> out;
    for (const T &item : items)
        out.append(&item);
    return out;
}

void diffEnumValues(const Schema::EnumType &current,
                    const Schema::EnumType &desired,
                    OperationList &ops)
{
    Schema::EnumType work = current;
    for (const QString &v : current.values) {
        if (!desired.values.contains(v)) {
            ops.append(DropEnumValue{work, v});
            work.values.removeOne(v);
        }
    }
    for (int i = 0; i < desired.values.size(); ++i) {
        const QString &v = desired.values.at(i);
        if (work.values.contains(v))
            continue;
        // After the nearest earlier desired value that exists already.
        int position = 0;
        for (int j = i - 1; j >= 0; --j) {
            const int at = work.values.indexOf(desired.values.at(j));
            if (at >= 0) {
                position = at + 1;
                break;
            }
        }
        ops.append(AddEnumValue{work, v, position});
        work.values.insert(position, v);
    }
}

void diffEnums(const Database &current,
               const Database &desired,
               Context &ctx,
               OperationList &early,
               OperationList &late)
{
    for (const Schema::EnumType &d : desired.enums) {
        const auto it
            = std::find_if(current.enums.begin(), current.enums.end(), [&](const auto &c) {
                  return ctx.rules.sameName(c.name, d.name);
              });
        if (it == current.enums.end())
            early.append(CreateEnum{d});
        else if (it->values != d.values)
            diffEnumValues(*it, d, early);
    }
    for (const Schema::EnumType &c : current.enums) {
        if (std::none_of(desired.enums.begin(), desired.enums.end(), [&](const auto &d) {
                return ctx.rules.sameName(c.name, d.name);
            }))
            late.append(DropEnum{c});
    }
}

// New tables, parents first; FKs closing a cycle come as AddForeignKey after all creates.
void createTables(const QList<const Table *> &tables, Context &ctx, OperationList &ops)
{
    const TableOrder order = TableOrder::compute(tables, ctx.rules.caseInsensitive());
    QList<QList<int>> deferredFks(tables.size());
    for (const TableOrder::Deferred &d : order.deferred)
        deferredFks[d.table].append(d.foreignKey);
    OperationList laterFks;
    for (int i : order.order) {
        Table t = *tables.at(i);
        t.indexes.clear();
        std::sort(deferredFks[i].begin(), deferredFks[i].end(), std::greater<int>());
        for (int f : std::as_const(deferredFks[i])) {
            laterFks.append(AddForeignKey{t.name, t.foreignKeys.at(f)});
            t.foreignKeys.removeAt(f);
        }
        ops.append(CreateTable{t});
        for (const Schema::Index &index : tables.at(i)->indexes)
            ops.append(CreateIndex{t.name, index});
    }
    std::reverse(laterFks.begin(), laterFks.end()); // back into declaration order per table
    ops += laterFks;
}

// Removed tables: exactly the reverse of creating them, so children go before parents.
void dropTables(const QList<const Table *> &tables, Context &ctx, OperationList &ops)
{
    const TableOrder order = TableOrder::compute(tables, ctx.rules.caseInsensitive());
    QList<QList<int>> deferredFks(tables.size());
    for (const TableOrder::Deferred &d : order.deferred)
        deferredFks[d.table].append(d.foreignKey);
    OperationList creates;
    for (int i : order.order) {
        Table t = *tables.at(i);
        std::sort(deferredFks[i].begin(), deferredFks[i].end(), std::greater<int>());
        OperationList fks;
        for (int f : std::as_const(deferredFks[i])) {
            fks.prepend(AddForeignKey{t.name, t.foreignKeys.at(f)});
            t.foreignKeys.removeAt(f);
        }
        creates.append(CreateTable{t});
        creates += fks;
    }
    // Deferred FKs first (they were added last), then tables in reverse creation order.
    OperationList fkDrops, tableDrops;
    for (const Operation &op : reverse(creates))
        (std::holds_alternative<DropForeignKey>(op) ? fkDrops : tableDrops).append(op);
    ops += fkDrops;
    ops += tableDrops;
}

} // namespace

namespace {

void diffViews(const Database &current,
               const Database &desired,
               Context &ctx,
               OperationList &early,
               OperationList &late)
{
    for (const Schema::View &c : current.views) {
        if (ctx.options.tables.isExcluded(c.name))
            continue;
        const auto it
            = std::find_if(desired.views.begin(), desired.views.end(), [&](const auto &d) {
                  return ctx.rules.sameName(c.name, d.name);
              });
        if (it == desired.views.end())
            early.append(DropView{c});
        else if (!MatchRules::sameView(c, *it))
            late.append(ReplaceView{c, *it});
    }
    for (const Schema::View &d : desired.views) {
        if (ctx.options.tables.isExcluded(d.name))
            continue;
        if (std::none_of(current.views.begin(), current.views.end(), [&](const auto &c) {
                return ctx.rules.sameName(c.name, d.name);
            }))
            late.append(CreateView{d});
    }
}

} // namespace

DiffResult Differ::diff(const Database &current,
                        const Database &desired,
                        const DiffOptions &options)
{
    const bool caseInsensitive = current.dialect == SqlDialect::SQLite;
    Context ctx{options, MatchRules(caseInsensitive, current.dialect == SqlDialect::MySQL), {}};
    const QList<const Table *> currentTables = includedTables(current, options);
    const QList<const Table *> desiredTables = includedTables(desired, options);
    const QHash<QString, const Table *> currentByKey = byKey(currentTables, ctx.rules);
    const QHash<QString, const Table *> desiredByKey = byKey(desiredTables, ctx.rules);

    QList<const Table *> added, removed;
    OperationList fkDrops, bodies, fkAdds;
    for (const Table *d : desiredTables) {
        const Table *c = currentByKey.value(ctx.rules.key(d->name));
        if (!c) {
            added.append(d);
            continue;
        }
        TableDiffer::Changes changes = TableDiffer::diff(*c, *d, options, ctx.rules);
        fkDrops += changes.dropForeignKeys;
        bodies += changes.body;
        fkAdds += changes.addForeignKeys;
        ctx.result.renameCandidates += changes.renameCandidates;
    }
    for (const Table *c : currentTables) {
        if (!desiredByKey.contains(ctx.rules.key(c->name)))
            removed.append(c);
    }

    OperationList viewDrops, viewCreates, enumChanges, enumDrops, &ops = ctx.result.operations;
    diffViews(current, desired, ctx, viewDrops, viewCreates);
    ViewOrder::sortDrops(viewDrops);
    ViewOrder::sortCreates(viewCreates);
    diffEnums(current, desired, ctx, enumChanges, enumDrops);
    ops += viewDrops;
    ops += enumChanges;
    ops += fkDrops;
    dropTables(removed, ctx, ops);
    ops += bodies;
    createTables(added, ctx, ops);
    ops += fkAdds;
    ops += enumDrops;
    ops += viewCreates;
    return ctx.result;
}

} // namespace Retort::Ops

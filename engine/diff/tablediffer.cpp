#include "tablediffer.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

namespace {

using Schema::Column;
using Schema::Table;

// Pairs up items: an exact name match first, then a compatible-name (one side unnamed) match.
// Returns, for each desired item, the index of its current partner or -1.
template<typename T, typename Same>
QList<int> pairUp(const QList<T> &current,
                  const QList<T> &desired,
                  const MatchRules &rules,
                  Same same)
{
    QList<int> partner(desired.size(), -1);
    QList<bool> taken(current.size(), false);
    for (int pass = 0; pass < 2; ++pass) {
        for (int d = 0; d < desired.size(); ++d) {
            for (int c = 0; c < current.size() && partner[d] < 0; ++c) {
                const bool names = pass == 0
                                       ? rules.sameName(current[c].name, desired[d].name)
                                       : rules.compatibleNames(current[c].name, desired[d].name);
                if (!taken[c] && names && same(current[c], desired[d])) {
                    partner[d] = c;
                    taken[c] = true;
                }
            }
        }
    }
    return partner;
}

// Emits drops for unmatched current items and adds for unmatched desired ones.
template<typename T, typename Same, typename MakeDrop, typename MakeAdd>
void diffList(const QList<T> &current,
              const QList<T> &desired,
              const MatchRules &rules,
              Same same,
              OperationList &drops,
              OperationList &adds,
              MakeDrop makeDrop,
              MakeAdd makeAdd)
{
    const QList<int> partner = pairUp(current, desired, rules, same);
    QList<bool> kept(current.size(), false);
    for (int d = 0; d < desired.size(); ++d) {
        if (partner[d] >= 0)
            kept[partner[d]] = true;
        else
            adds.append(makeAdd(desired[d]));
    }
    for (int c = 0; c < current.size(); ++c) {
        if (!kept[c])
            drops.append(makeDrop(current[c]));
    }
}

// Columns of `current` renamed as the options ask (when old exists only there, new only in
// desired).
QList<RenameColumn> confirmedRenames(const Table &current,
                                     const Table &desired,
                                     const DiffOptions &options,
                                     const MatchRules &rules)
{
    QList<RenameColumn> renames;
    for (const ColumnRename &r : options.renames) {
        if (!rules.sameName(r.table, desired.name))
            continue;
        auto has = [&rules](const Table &t, const QString &n) {
            for (const Column &c : t.columns) {
                if (rules.sameName(c.name, n))
                    return true;
            }
            return false;
        };
        if (has(current, r.from) && !has(current, r.to) && has(desired, r.to)
            && !has(desired, r.from))
            renames.append(RenameColumn{current.name, r.from, r.to});
    }
    return renames;
}

void diffColumns(const Table &current,
                 const Table &desired,
                 const MatchRules &rules,
                 TableDiffer::Changes &out,
                 OperationList &adds,
                 OperationList &drops)
{
    QList<const Column *> added;
    QList<const Column *> dropped;
    for (const Column &d : desired.columns) {
        const Column *c = nullptr;
        for (const Column &cc : current.columns) {
            if (rules.sameName(cc.name, d.name))
                c = &cc;
        }
        if (!c) {
            adds.append(AddColumn{current.name, d});
            added.append(&d);
        } else if (auto alter = TableDiffer::alterColumn(current.name, *c, d)) {
            adds.append(*alter);
        }
    }
    for (const Column &c : current.columns) {
        bool found = false;
        for (const Column &d : desired.columns)
            found = found || rules.sameName(c.name, d.name);
        if (!found) {
            drops.append(DropColumn{current.name, c});
            dropped.append(&c);
        }
    }
    for (const Column *from : std::as_const(dropped)) {
        for (const Column *to : std::as_const(added)) {
            if (!from->type.normalized.isEmpty() && from->type.normalized == to->type.normalized)
                out.renameCandidates.append(RenameCandidate{current.name, *from, *to});
        }
    }
}

bool samePrimaryKey(const Schema::PrimaryKey &a,
                    const Schema::PrimaryKey &b,
                    const MatchRules &rules)
{
    return rules.sameNames(a.columns, b.columns) && rules.compatibleNames(a.name, b.name);
}

// What the database does on RENAME COLUMN: key parts follow the column.
void renameInTable(Table &table, const RenameColumn &r, const MatchRules &rules)
{
    auto fix = [&](QString &name) {
        if (rules.sameName(name, r.from))
            name = r.to;
    };
    for (Column &c : table.columns)
        fix(c.name);
    for (QString &c : table.primaryKey.columns)
        fix(c);
    for (Schema::UniqueConstraint &u : table.uniqueConstraints)
        std::for_each(u.columns.begin(), u.columns.end(), fix);
    for (Schema::ForeignKey &fk : table.foreignKeys)
        std::for_each(fk.columns.begin(), fk.columns.end(), fix);
    for (Schema::Index &i : table.indexes) {
        for (Schema::IndexColumn &c : i.columns)
            fix(c.name);
    }
}

} // namespace

std::optional<AlterColumn> TableDiffer::alterColumn(const QString &table,
                                                    const Column &from,
                                                    const Column &to)
{
    AlterColumn a{table, from, to};
    a.typeChanged = from.type.normalized != to.type.normalized;
    a.nullableChanged = from.nullable != to.nullable;
    a.defaultChanged = !MatchRules::sameDefault(from.defaultExpression, to.defaultExpression);
    a.collationChanged = from.collation.compare(to.collation, Qt::CaseInsensitive) != 0;
    a.identityChanged = from.identity != to.identity;
    a.commentChanged = from.comment != to.comment;
    a.onUpdateChanged
        = MatchRules::normalizeSql(from.onUpdate) != MatchRules::normalizeSql(to.onUpdate);
    a.generatedChanged = from.generated != to.generated
                         || MatchRules::normalizeSql(from.generationExpression)
                                != MatchRules::normalizeSql(to.generationExpression);
    if (!a.typeChanged && !a.nullableChanged && !a.defaultChanged && !a.collationChanged
        && !a.identityChanged && !a.generatedChanged && !a.commentChanged && !a.onUpdateChanged) {
        return std::nullopt;
    }
    return a;
}

TableDiffer::Changes TableDiffer::diff(const Table &currentIn,
                                       const Table &desired,
                                       const DiffOptions &options,
                                       const MatchRules &rules)
{
    Changes out;
    const QString t = currentIn.name;
    const QList<RenameColumn> renames = confirmedRenames(currentIn, desired, options, rules);
    Table current = currentIn; // with confirmed renames applied, so the rest compares by new name
    for (const RenameColumn &r : renames)
        renameInTable(current, r, rules);

    OperationList constraintDrops, columnOps, columnDrops, constraintAdds;
    diffList(
        current.indexes,
        desired.indexes,
        rules,
        [&rules](const auto &a, const auto &b) { return rules.sameIndex(a, b); },
        constraintDrops,
        constraintAdds,
        [&t](const auto &x) {
            return Operation(DropIndex{t, x});
        },
        [&t](const auto &x) {
            return Operation(CreateIndex{t, x});
        });
    diffList(
        current.uniqueConstraints,
        desired.uniqueConstraints,
        rules,
        [&rules](const auto &a, const auto &b) { return rules.sameUnique(a, b); },
        constraintDrops,
        constraintAdds,
        [&t](const auto &x) {
            return Operation(DropUniqueConstraint{t, x});
        },
        [&t](const auto &x) {
            return Operation(AddUniqueConstraint{t, x});
        });
    diffList(
        current.checkConstraints,
        desired.checkConstraints,
        rules,
        [&rules](const auto &a, const auto &b) { return rules.sameCheck(a, b); },
        constraintDrops,
        constraintAdds,
        [&t](const auto &x) {
            return Operation(DropCheckConstraint{t, x});
        },
        [&t](const auto &x) {
            return Operation(AddCheckConstraint{t, x});
        });
    diffList(
        current.foreignKeys,
        desired.foreignKeys,
        rules,
        [&rules](const auto &a, const auto &b) { return rules.sameForeignKey(a, b); },
        out.dropForeignKeys,
        out.addForeignKeys,
        [&t](const auto &x) {
            return Operation(DropForeignKey{t, x});
        },
        [&t](const auto &x) {
            return Operation(AddForeignKey{t, x});
        });
    diffColumns(current, desired, rules, out, columnOps, columnDrops);

    out.body = constraintDrops;
    for (const RenameColumn &r : renames)
        out.body.append(r);
    out.body += columnOps;
    if (!samePrimaryKey(current.primaryKey, desired.primaryKey, rules))
        out.body.append(AlterPrimaryKey{t, current.primaryKey, desired.primaryKey});
    out.body += columnDrops;
    out.body += constraintAdds;
    return out;
}

} // namespace Retort::Ops

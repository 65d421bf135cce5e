#include "tableorder.h"

#include <QHash>
#include <QSet>

#include <set>

namespace Retort::Ops {

namespace {

struct Graph
{
    QList<QList<int>> dependents; // parent -> tables whose FKs reference it
    QList<QSet<int>> parents;     // table -> distinct parents still to be placed
};

Graph buildGraph(const QList<const Schema::Table *> &tables, bool caseInsensitive)
{
    auto key = [caseInsensitive](const QString &n) { return caseInsensitive ? n.toLower() : n; };
    QHash<QString, int> byName;
    for (int i = 0; i < tables.size(); ++i)
        byName.insert(key(tables.at(i)->name), i);
    Graph g;
    g.dependents.resize(tables.size());
    g.parents.resize(tables.size());
    for (int i = 0; i < tables.size(); ++i) {
        for (const Schema::ForeignKey &fk : tables.at(i)->foreignKeys) {
            const int p = byName.value(key(fk.referencedTable), -1);
            if (p < 0 || p == i || g.parents[i].contains(p))
                continue;
            g.parents[i].insert(p);
            g.dependents[p].append(i);
        }
    }
    return g;
}

} // namespace

TableOrder TableOrder::compute(const QList<const Schema::Table *> &tables, bool caseInsensitive)
{
    auto key = [caseInsensitive](const QString &n) { return caseInsensitive ? n.toLower() : n; };
    Graph g = buildGraph(tables, caseInsensitive);
    TableOrder result;
    QList<bool> placed(tables.size(), false);
    std::set<int> ready; // smallest input index first: deterministic output
    std::set<int> waiting;
    for (int i = 0; i < tables.size(); ++i)
        (g.parents.at(i).isEmpty() ? ready : waiting).insert(i);

    while (!ready.empty() || !waiting.empty()) {
        if (ready.empty()) {
            // A cycle: place its first table now, its FKs into unplaced tables come later.
            const int t = *waiting.begin();
            const QList<Schema::ForeignKey> &fks = tables.at(t)->foreignKeys;
            for (int f = 0; f < fks.size(); ++f) {
                for (int p : std::as_const(g.parents[t])) {
                    if (key(tables.at(p)->name) == key(fks.at(f).referencedTable)) {
                        result.deferred.append({t, f});
                        break;
                    }
                }
            }
            g.parents[t].clear();
            waiting.erase(t);
            ready.insert(t);
        }
        const int t = *ready.begin();
        ready.erase(ready.begin());
        placed[t] = true;
        result.order.append(t);
        for (int d : std::as_const(g.dependents.at(t))) {
            if (placed.at(d) || !g.parents[d].remove(t) || !g.parents[d].isEmpty())
                continue;
            waiting.erase(d);
            ready.insert(d);
        }
    }
    return result;
}

} // namespace Retort::Ops

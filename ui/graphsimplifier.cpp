#include "graphsimplifier.h"

#include <QHash>

namespace Retort::Ui {

namespace {

void appendNew(QList<int> &to, const QList<int> &from)
{
    for (int row : from) {
        if (!to.contains(row))
            to.append(row);
    }
}

} // namespace

QList<GraphRow> GraphSimplifier::simplify(const QList<GraphRow> &rows, const QList<bool> &kept)
{
    const int count = int(rows.size());
    QHash<QString, int> index;
    index.reserve(count);
    for (int i = 0; i < count; ++i)
        index.insert(rows.at(i).id, i);
    const auto isKept = [&kept](int row) { return row < kept.size() && kept.at(row); };
    const auto rowOf = [&index](int row, const QString &id) {
        const int r = index.value(id, -1);
        return r > row ? r : -1; // missing, or not below: LaneLayout would not draw it either
    };

    // reach[i]: the kept rows an edge into row i stands for. A kept row stands for itself; a
    // left-out row for the union over its parents. Parents come after their children, so one
    // pass from the oldest row up fills it; a left-out row on a line shares its parent's list.
    QList<QList<int>> reach(count);
    const auto reachOf = [&](int row, const QStringList &targets) {
        QList<int> out;
        for (const QString &target : targets) {
            const int t = rowOf(row, target);
            if (t < 0)
                continue;
            if (out.isEmpty())
                out = reach.at(t);
            else
                appendNew(out, reach.at(t));
        }
        return out;
    };
    QList<QList<int>> parents(count); // of kept rows, through left-out ones
    for (int i = count - 1; i >= 0; --i) {
        if (isKept(i)) {
            reach[i] = {i};
            parents[i] = reachOf(i, rows.at(i).parents);
        } else {
            reach[i] = reachOf(i, rows.at(i).parents);
        }
    }

    // A parent (or depends-on) found through left-out rows that is also an ancestor of another
    // parent adds no information and only crosses lanes: drop it, as `git log --simplify-merges`
    // does. Edges to kept rows as written stay, so a graph with every row kept is drawn as it is.
    // Ancestors have higher row numbers, which bounds each search.
    QList<int> seen(count, -1);
    int search = 0;
    const auto isAncestor = [&](int ancestor, int from) {
        ++search;
        QList<int> stack{from};
        while (!stack.isEmpty()) {
            const int r = stack.takeLast();
            for (int p : std::as_const(parents.at(r))) {
                if (p == ancestor)
                    return true;
                if (p < ancestor && seen.at(p) != search) {
                    seen[p] = search;
                    stack.append(p);
                }
            }
        }
        return false;
    };
    for (int i = 0; i < count; ++i) {
        if (parents.at(i).size() < 2)
            continue;
        QList<int> direct;
        for (const QString &id : rows.at(i).parents) {
            if (const int r = rowOf(i, id); r >= 0 && isKept(r))
                direct.append(r);
        }
        const QList<int> all = parents.at(i);
        parents[i].removeIf([&](int p) {
            if (direct.contains(p))
                return false;
            return std::any_of(all.cbegin(), all.cend(),
                               [&](int q) { return q != p && q < p && isAncestor(p, q); });
        });
    }

    QList<GraphRow> out;
    for (int i = 0; i < count; ++i) {
        if (!isKept(i))
            continue;
        GraphRow row = rows.at(i);
        QList<int> named; // depends-on targets that are kept themselves
        for (const QString &id : row.dependsOn) {
            if (const int r = rowOf(i, id); r >= 0 && isKept(r))
                named.append(r);
        }
        const QList<int> &rowParents = parents.at(i);
        QList<int> dependsOn = reachOf(i, row.dependsOn);
        dependsOn.removeIf([&](int d) {
            if (rowParents.contains(d))
                return true;
            return !named.contains(d) && std::any_of(rowParents.cbegin(), rowParents.cend(),
                                                     [&](int q) { return q < d && isAncestor(d, q); });
        });
        row.parents.clear();
        for (int p : rowParents)
            row.parents.append(rows.at(p).id);
        row.dependsOn.clear();
        for (int d : std::as_const(dependsOn))
            row.dependsOn.append(rows.at(d).id);
        out.append(row);
    }
    return out;
}

} // namespace Retort::Ui

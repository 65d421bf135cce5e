#include "graphsimplifier.h"

#include <QHash>

#include <algorithm>

namespace Retort::Ui {

namespace {

void appendNew(QList<int> &to, const QList<int> &from)
{
    for (int row : from) {
        if (!to.contains(row))
            to.append(row);
    }
}

// One simplification: rows are referred to by their index (newest first, so an ancestor always
// has a higher index than its descendants).
class Simplification
{
public:
    Simplification(const QList<GraphRow> &rows, const QList<bool> &kept);
    QList<GraphRow> run();

private:
    bool isKept(int row) const { return row < m_kept.size() && m_kept.at(row); }
    int rowOf(int row, const QString &id) const;
    QList<int> reachOf(int row, const QStringList &targets) const;
    QList<int> keptOf(int row, const QStringList &ids) const;
    void linkThroughLeftOutRows();
    void dropImpliedParents();
    bool isAncestor(int ancestor, int from);
    GraphRow simplifiedRow(int row);

    const QList<GraphRow> &m_rows;
    const QList<bool> &m_kept;
    QHash<QString, int> m_index;
    // m_reach[i]: the kept rows an edge into row i stands for. A kept row stands for itself; a
    // left-out row for the union over its parents.
    QList<QList<int>> m_reach;
    QList<QList<int>> m_parents; // of kept rows, through left-out ones
    QList<int> m_seen;           // isAncestor's visited marks, by search number
    int m_search = 0;
};

Simplification::Simplification(const QList<GraphRow> &rows, const QList<bool> &kept)
    : m_rows(rows)
    , m_kept(kept)
    , m_reach(rows.size())
    , m_parents(rows.size())
    , m_seen(rows.size(), -1)
{
    m_index.reserve(rows.size());
    for (int i = 0; i < int(rows.size()); ++i)
        m_index.insert(rows.at(i).id, i);
}

// Missing, or not below `row`: -1 (LaneLayout would not draw such an edge either).
int Simplification::rowOf(int row, const QString &id) const
{
    const int r = m_index.value(id, -1);
    return r > row ? r : -1;
}

QList<int> Simplification::reachOf(int row, const QStringList &targets) const
{
    QList<int> out;
    for (const QString &target : targets) {
        const int t = rowOf(row, target);
        if (t < 0)
            continue;
        if (out.isEmpty())
            out = m_reach.at(t); // a left-out row on a line shares its parent's list
        else
            appendNew(out, m_reach.at(t));
    }
    return out;
}

// The rows among `ids` that are kept themselves (edges as written).
QList<int> Simplification::keptOf(int row, const QStringList &ids) const
{
    QList<int> out;
    for (const QString &id : ids) {
        if (const int r = rowOf(row, id); r >= 0 && isKept(r))
            out.append(r);
    }
    return out;
}

// Parents come after their children, so one pass from the oldest row up fills m_reach.
void Simplification::linkThroughLeftOutRows()
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (isKept(i)) {
            m_reach[i] = {i};
            m_parents[i] = reachOf(i, m_rows.at(i).parents);
        } else {
            m_reach[i] = reachOf(i, m_rows.at(i).parents);
        }
    }
}

// A parent found through left-out rows that is also an ancestor of another parent adds no
// information and only crosses lanes: drop it, as `git log --simplify-merges` does. Edges to
// kept rows as written stay, so a graph with every row kept is drawn as it is.
void Simplification::dropImpliedParents()
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_parents.at(i).size() < 2)
            continue;
        const QList<int> direct = keptOf(i, m_rows.at(i).parents);
        const QList<int> all = m_parents.at(i);
        m_parents[i].removeIf([&](int p) {
            return !direct.contains(p) && std::any_of(all.cbegin(), all.cend(), [&](int q) {
                return q != p && q < p && isAncestor(p, q);
            });
        });
    }
}

// Ancestors have higher row numbers, which bounds each search.
bool Simplification::isAncestor(int ancestor, int from)
{
    ++m_search;
    QList<int> stack{from};
    while (!stack.isEmpty()) {
        const int r = stack.takeLast();
        for (int p : std::as_const(m_parents.at(r))) {
            if (p == ancestor)
                return true;
            if (p < ancestor && m_seen.at(p) != m_search) {
                m_seen[p] = m_search;
                stack.append(p);
            }
        }
    }
    return false;
}

// The kept row with its simplified parents, and the depends-on edges that still say something:
// not to a parent, and not to an ancestor of a parent unless written on the row itself.
GraphRow Simplification::simplifiedRow(int i)
{
    GraphRow row = m_rows.at(i);
    const QList<int> named = keptOf(i, row.dependsOn);
    const QList<int> &parents = m_parents.at(i);
    QList<int> dependsOn = reachOf(i, row.dependsOn);
    dependsOn.removeIf([&](int d) {
        if (parents.contains(d))
            return true;
        return !named.contains(d) && std::any_of(parents.cbegin(), parents.cend(), [&](int q) {
                   return q < d && isAncestor(d, q);
               });
    });
    row.parents.clear();
    for (int p : parents)
        row.parents.append(m_rows.at(p).id);
    row.dependsOn.clear();
    for (int d : std::as_const(dependsOn))
        row.dependsOn.append(m_rows.at(d).id);
    return row;
}

QList<GraphRow> Simplification::run()
{
    linkThroughLeftOutRows();
    dropImpliedParents();
    QList<GraphRow> out;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (isKept(i))
            out.append(simplifiedRow(i));
    }
    return out;
}

} // namespace

QList<GraphRow> GraphSimplifier::simplify(const QList<GraphRow> &rows, const QList<bool> &kept)
{
    return Simplification(rows, kept).run();
}

} // namespace Retort::Ui

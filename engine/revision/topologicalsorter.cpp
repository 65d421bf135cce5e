#include "topologicalsorter.h"

#include "revisiongraph.h"

#include <QSet>

#include <algorithm>

namespace Retort {

TopologicalSorter::TopologicalSorter(const RevisionGraph &graph)
    : m_graph(graph)
{}

QList<int> TopologicalSorter::sort(const QList<char> &subset, const QList<int> &heads) const
{
    const int n = m_graph.count();
    QList<char> todo = subset;
    QList<int> pendingChildren(n, 0);
    for (int i = 0; i < n; ++i) {
        if (!todo.at(i))
            continue;
        for (int p : m_graph.downIndexes(i))
            ++pendingChildren[p];
    }
    QList<int> current;
    for (int h : heads) {
        if (todo.at(h) && !current.contains(h))
            current.append(h);
    }
    std::sort(current.begin(), current.end());
    QList<int> positions(n, -1);
    for (int k = 0; k < current.size(); ++k)
        positions[current.at(k)] = k;

    QList<int> output;
    int idx = 0;
    while (!current.isEmpty() || restartFromTips(todo, pendingChildren, current, positions)) {
        const int candidate = current.at(idx);
        if (pendingChildren.at(candidate) > 0) {
            const int other = findBlockingHead(candidate, idx, todo, positions);
            if (other >= 0) {
                idx = other;
                continue;
            }
        }
        if (todo.at(candidate)) {
            output.append(candidate);
            todo[candidate] = 0;
            for (int p : m_graph.downIndexes(candidate))
                --pendingChildren[p];
        }
        QList<int> toAdd;
        for (int p : m_graph.downIndexes(candidate)) {
            if (todo.at(p) && positions.at(p) < 0)
                toAdd.append(p);
        }
        positions[candidate] = -1;
        if (toAdd.isEmpty()) {
            current.removeAt(idx);
            for (int k = idx; k < current.size(); ++k)
                positions[current.at(k)] = k;
            idx = std::max(idx - 1, 0);
            continue;
        }
        current[idx] = toAdd.first();
        positions[toAdd.first()] = idx;
        for (int k = 1; k < toAdd.size(); ++k) {
            positions[toAdd.at(k)] = current.size();
            current.append(toAdd.at(k));
        }
    }
    return output;
}

// The lowest position of a pending head that has `candidate` as an ancestor; -1 if none.
int TopologicalSorter::findBlockingHead(int candidate, int current, const QList<char> &todo,
                                        const QList<int> &positions) const
{
    const int floor = current == 0 ? 1 : 0;
    int best = -1;
    QList<int> stack{candidate};
    QSet<int> seen{candidate}; // a set: the search is usually tiny, the graph may be huge
    while (!stack.isEmpty()) {
        const int p = stack.takeLast();
        for (int c : m_graph.allChildIndexes(p)) {
            if (seen.contains(c) || !todo.at(c) || !m_graph.downIndexes(c).contains(p))
                continue;
            seen.insert(c);
            const int pos = positions.at(c);
            if (pos >= 0 && pos != current && (best < 0 || pos < best)) {
                best = pos;
                if (best == floor)
                    return best;
            }
            stack.append(c);
        }
    }
    return best;
}

// Alembic asserts when the subset holds revisions that no start head reaches (a history range
// whose upper end only reaches them through depends-on). We go on from the newest of them,
// in input order, so every marked revision is emitted.
bool TopologicalSorter::restartFromTips(const QList<char> &todo, const QList<int> &pendingChildren,
                                        QList<int> &current, QList<int> &positions) const
{
    for (int i = 0; i < todo.size(); ++i) {
        if (todo.at(i) && pendingChildren.at(i) == 0) {
            positions[i] = current.size();
            current.append(i);
        }
    }
    return !current.isEmpty();
}

} // namespace Retort

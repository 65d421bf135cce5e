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
    State s = start(subset, heads);
    QList<int> output;
    int idx = 0;
    while (!s.current.isEmpty() || restartFromTips(s)) {
        const int candidate = s.current.at(idx);
        if (s.pendingChildren.at(candidate) > 0) {
            const int other = findBlockingHead(s, candidate, idx);
            if (other >= 0) {
                idx = other;
                continue;
            }
        }
        if (s.todo.at(candidate)) {
            output.append(candidate);
            markEmitted(s, candidate);
        }
        advance(s, idx, candidate);
    }
    return output;
}

// Pending: the subset and every revision between two of it (below one, above another). The
// walks enter only revisions outside the subset, so a full history costs one pass.
TopologicalSorter::State TopologicalSorter::start(const QList<char> &subset,
                                                  const QList<int> &heads) const
{
    const int n = m_graph.count();
    State s;
    s.todo = subset;
    s.pending = subset;
    QList<char> below(n, 0);
    QList<int> stack;
    for (int i = 0; i < n; ++i) {
        if (subset.at(i))
            stack.append(m_graph.downIndexes(i));
    }
    while (!stack.isEmpty()) {
        const int r = stack.takeLast();
        if (subset.at(r) || below.at(r))
            continue;
        below[r] = 1;
        stack.append(m_graph.downIndexes(r));
    }
    for (int i = 0; i < n; ++i) {
        if (subset.at(i))
            stack.append(i);
    }
    while (!stack.isEmpty()) {
        const int r = stack.takeLast();
        for (int c : m_graph.allChildIndexes(r)) {
            if (below.at(c) && !s.pending.at(c) && m_graph.downIndexes(c).contains(r)) {
                s.pending[c] = 1;
                stack.append(c);
            }
        }
    }
    s.pendingChildren = QList<int>(n, 0);
    for (int i = 0; i < n; ++i) {
        if (!s.pending.at(i))
            continue;
        for (int p : m_graph.downIndexes(i))
            ++s.pendingChildren[p];
    }
    for (int h : heads) {
        if (s.todo.at(h) && !s.current.contains(h))
            s.current.append(h);
    }
    std::sort(s.current.begin(), s.current.end());
    s.positions = QList<int>(n, -1);
    for (int k = 0; k < s.current.size(); ++k)
        s.positions[s.current.at(k)] = k;
    return s;
}

// Emitted: no longer pending; nor is a revision outside the subset once nothing pending is
// above it.
void TopologicalSorter::markEmitted(State &s, int revision) const
{
    s.todo[revision] = 0;
    QList<int> released{revision};
    while (!released.isEmpty()) {
        const int r = released.takeLast();
        s.pending[r] = 0;
        for (int p : m_graph.downIndexes(r)) {
            if (s.pending.at(p) && --s.pendingChildren[p] == 0 && !s.todo.at(p))
                released.append(p);
        }
    }
}

// Replaces the candidate's head by its parents still to emit, as Alembic does.
void TopologicalSorter::advance(State &s, int &idx, int candidate) const
{
    QList<int> toAdd;
    for (int p : m_graph.downIndexes(candidate)) {
        if (s.todo.at(p) && s.positions.at(p) < 0)
            toAdd.append(p);
    }
    s.positions[candidate] = -1;
    if (toAdd.isEmpty()) {
        s.current.removeAt(idx);
        for (int k = idx; k < s.current.size(); ++k)
            s.positions[s.current.at(k)] = k;
        idx = std::max(idx - 1, 0);
        return;
    }
    s.current[idx] = toAdd.first();
    s.positions[toAdd.first()] = idx;
    for (int k = 1; k < toAdd.size(); ++k) {
        s.positions[toAdd.at(k)] = s.current.size();
        s.current.append(toAdd.at(k));
    }
}

// The lowest position of a pending head that has `candidate` as an ancestor; -1 if none.
int TopologicalSorter::findBlockingHead(const State &s, int candidate, int idx) const
{
    const int floor = idx == 0 ? 1 : 0;
    int best = -1;
    QList<int> stack{candidate};
    QSet<int> seen{candidate}; // a set: the search is usually tiny, the graph may be huge
    while (!stack.isEmpty()) {
        const int p = stack.takeLast();
        for (int c : m_graph.allChildIndexes(p)) {
            if (seen.contains(c) || !s.pending.at(c) || !m_graph.downIndexes(c).contains(p))
                continue;
            seen.insert(c);
            const int pos = s.positions.at(c);
            if (pos >= 0 && pos != idx && (best < 0 || pos < best)) {
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
bool TopologicalSorter::restartFromTips(State &s) const
{
    for (int i = 0; i < s.todo.size(); ++i) {
        if (s.todo.at(i) && s.pendingChildren.at(i) == 0) {
            s.positions[i] = s.current.size();
            s.current.append(i);
        }
    }
    return !s.current.isEmpty();
}

} // namespace Retort

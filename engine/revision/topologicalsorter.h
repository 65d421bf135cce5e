#pragma once

#include <QList>

namespace Retort {

class RevisionGraph;

// Alembic's RevisionMap._topological_sort, newest first: walks down one branch until a revision
// is still needed by another pending head, then switches to the first such head (by position).
// Alembic keeps an ancestor set per head; we count each revision's pending children instead
// and search upwards only when a walk is blocked, so a long line costs O(length).
class TopologicalSorter
{
public:
    explicit TopologicalSorter(const RevisionGraph &graph);

    // subset: marks the revisions to emit (a convex set: every revision between two marked
    // ones is marked); heads: where the walk starts, as Alembic's `heads` argument.
    QList<int> sort(const QList<char> &subset, const QList<int> &heads) const;

private:
    bool restartFromTips(const QList<char> &todo, const QList<int> &pendingChildren,
                         QList<int> &current, QList<int> &positions) const;
    int findBlockingHead(int candidate, int current, const QList<char> &todo,
                         const QList<int> &positions) const;

    const RevisionGraph &m_graph;
};

} // namespace Retort

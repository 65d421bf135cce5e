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

    // subset: marks the revisions to emit; heads: where the walk starts, as Alembic's `heads`
    // argument. Revisions outside the subset that lie between two of it still order it, as
    // Alembic's ancestor sets (over the whole graph) do.
    QList<int> sort(const QList<char> &subset, const QList<int> &heads) const;

private:
    struct State
    {
        QList<char> todo;    // in the subset, not emitted yet
        QList<char> pending; // below a head still to come (todo, or between todo revisions)
        QList<int> pendingChildren;
        QList<int> current;   // Alembic's current_heads
        QList<int> positions; // index in `current`, or -1
    };

    State start(const QList<char> &subset, const QList<int> &heads) const;
    void markEmitted(State &s, int revision) const;
    void advance(State &s, int &idx, int candidate) const;
    int findBlockingHead(const State &s, int candidate, int idx) const;
    bool restartFromTips(State &s) const;

    const RevisionGraph &m_graph;
};

} // namespace Retort

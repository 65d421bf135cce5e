#pragma once

#include "revision.h"

#include <engine/core/result.h>

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace Retort {

// Pure DAG of revisions with Alembic's semantics; knows no files or databases. Immutable, any
// thread; copies share the data.
//
// Nodes are also addressed by index (0..count()-1, the input order, which is sorted file-name
// order): wherever Alembic's order depends on its map's insertion order, ours follows the index.
// Walks cost O(revisions + edges); nothing here is quadratic in the number of revisions.
class RevisionGraph
{
public:
    RevisionGraph();

    // Fails (Kind::Graph) on a duplicate id, a missing parent or depends-on target, a cycle, or
    // a branch label used twice.
    static Result<RevisionGraph> build(QList<Revision> revisions);

    const QList<Revision> &revisions() const; // input order
    // Exact id; nullptr if absent. Valid while any copy of this graph lives.
    const Revision *revision(const QString &id) const;
    int count() const;
    int indexOf(const QString &id) const; // exact id; -1 if absent
    QString idAt(int index) const;

    QStringList heads() const;     // no revision names them as parent ("versioned" heads)
    QStringList realHeads() const; // nothing names them as parent or depends-on ("heads")
    QStringList bases() const;     // no parents
    QStringList realBases() const; // no parents and no depends-on

    QStringList children(const QString &id) const;   // revisions naming id as a parent
    QStringList dependents(const QString &id) const; // revisions naming id in depends-on
    bool isHead(const QString &id) const;     // no children by parent edge
    bool isRealHead(const QString &id) const; // not depended on either; else "(effective head)"
    bool isBase(const QString &id) const;
    bool isBranchPoint(const QString &id) const; // two or more children
    bool isMergePoint(const QString &id) const;  // two or more parents
    // This revision's labels and those propagated to it, as Alembic's map does.
    QStringList branchLabels(const QString &id) const;
    // Depends-on resolved to ids, in written order.
    QStringList dependencies(const QString &id) const;
    // Proper ancestors / descendants; includeDependencies follows depends-on edges too.
    QSet<QString> ancestors(const QString &id, bool includeDependencies = true) const;
    QSet<QString> descendants(const QString &id, bool includeDependencies = true) const;
    // Every revision, newest first, in the order `alembic history` prints them.
    QStringList topologicalOrder() const;

    // Resolves a revision identifier (README "Revision identifiers") to ids; an empty list means "base". Plain forms
    // (id, prefix, head, heads, base, LABEL@head, REV@head, LABEL@base) as Alembic's
    // get_revisions; +N, REV+N, LABEL@+N as an upgrade target and -N, REV-N, LABEL@-N as a
    // downgrade target, relative to currentHeads (the version rows, in table order).
    // Errors carry Alembic's inner sentences ("No such revision or branch 'x'", "Multiple
    // revisions start with 'ab': ...", "Relative revision -3 didn't produce 3 migrations"),
    // where Alembic's command layer would say "Can't locate revision identified by 'x'".
    Result<QStringList> resolve(const QString &identifier,
                                const QStringList &currentHeads = {}) const;
    // What `alembic current` lists for these version rows: the rows and everything they stand
    // for (ancestors, depends-on), reduced to the newest on each line; input order. Linear.
    Result<QStringList> current(const QStringList &rows) const;
    // `history -r RANGE` ("A:B", "A:", ":B", or empty for all): ids newest first.
    // "current" in the range stands for currentHeads.
    Result<QStringList> history(const QString &range, const QStringList &currentHeads = {}) const;

    // Index-level access for planners (see class comment).
    const QList<int> &parentIndexes(int index) const;     // written order
    const QList<int> &downIndexes(int index) const; // parents + depends-on not implied by ancestors
    const QList<int> &childIndexes(int index) const;    // by parent edge, input order
    const QList<int> &allChildIndexes(int index) const; // by parent or depends-on edge
    // Marks (1) every index reachable from `starts` (included) towards bases or heads.
    enum class Towards { Bases, Heads };
    QList<char> reach(const QList<int> &starts, Towards towards, bool includeDependencies) const;
    // Whether `target` is one of `starts` or below them. Searches only the revisions between
    // (by topological rank), so a query near the starts is cheap in a long history.
    bool reachesDown(const QList<int> &starts, int target, bool includeDependencies) const;
    // Alembic's _topological_sort: `subset` marked, starting from `heads`; newest first.
    QList<int> sortNewestFirst(const QList<char> &subset, const QList<int> &heads) const;
    bool sharesLineage(int index, const QList<int> &others, bool includeDependencies) const;
    // Marks every revision that is an ancestor or descendant of one of `of` (included).
    QList<char> lineage(const QList<int> &of, bool includeDependencies) const;
    const QHash<QString, int> &labelIndexes() const; // label as written -> revision index

private:
    struct Node
    {
        QList<int> parents;
        QList<int> dependencies;
        QList<int> down;
        QList<int> children;
        QList<int> allChildren;
        QStringList labels;
        int rank = 0; // position in a topological order: ancestors rank lower
    };
    struct Data
    {
        QList<Revision> revisions;
        QList<Node> nodes;
        QHash<QString, int> byId;
        QHash<QString, int> byLabel;
        QList<int> heads;
        QList<int> realHeads;
        QList<int> bases;
        QList<int> realBases;
    };

    static Result<void> indexRevisions(Data &d);
    static Result<void> linkParents(Data &d);
    static Result<void> linkDependencies(Data &d);
    static Result<void> checkCycles(const Data &d);
    static QList<int> cyclicIndexes(const Data &d, bool withDependencies);
    static void normalizeDependencies(Data &d);
    static void propagateLabels(Data &d);
    static void collectEnds(Data &d);
    static void rankNodes(Data &d);
    QStringList idsOf(const QList<int> &indexes) const;
    const Node *node(const QString &id) const;

    std::shared_ptr<const Data> m_d;
};

} // namespace Retort

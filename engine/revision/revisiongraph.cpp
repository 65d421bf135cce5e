#include "revisiongraph.h"

#include "revisionidentifier.h"
#include "revisionrange.h"
#include "topologicalsorter.h"

#include <engine/core/enginetr.h>

#include <algorithm>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// `line`: the header field the error is about (Revision::idLine, parentsLine, ...), so that the
// user is sent to the line to fix; 0 when unknown (revisions built in memory).
Error graphError(const QString &message, const Revision *about = nullptr, int line = 0)
{
    return Error(Error::Kind::Graph, message, about ? about->filePath : QString(), line);
}

QString fileOrId(const Revision &r)
{
    return r.filePath.isEmpty() ? r.id : r.filePath;
}

void appendUnique(QList<int> &list, int value)
{
    if (!list.contains(value))
        list.append(value);
}

} // namespace

RevisionGraph::RevisionGraph()
    : m_d(std::make_shared<const Data>())
{}

Result<RevisionGraph> RevisionGraph::build(QList<Revision> revisions)
{
    auto d = std::make_shared<Data>();
    d->revisions = std::move(revisions);
    d->nodes.resize(d->revisions.size());
    if (auto r = indexRevisions(*d); !r)
        return r.error();
    if (auto r = linkParents(*d); !r)
        return r.error();
    if (auto r = linkDependencies(*d); !r)
        return r.error();
    if (auto r = checkCycles(*d); !r)
        return r.error();
    normalizeDependencies(*d);
    collectEnds(*d);
    rankNodes(*d);
    propagateLabels(*d);
    RevisionGraph graph;
    graph.m_d = std::move(d);
    return graph;
}

Result<void> RevisionGraph::indexRevisions(Data &d)
{
    d.byId.reserve(d.revisions.size());
    for (int i = 0; i < d.revisions.size(); ++i) {
        const Revision &r = d.revisions.at(i);
        QStringList illegal;
        for (const QString &c : {u"+"_s, u"-"_s, u"@"_s}) {
            if (r.id.contains(c))
                illegal.append(c);
        }
        if (r.id.isEmpty())
            return graphError(Tr::tr("A revision has an empty revision identifier"), &r, r.idLine);
        if (!illegal.isEmpty()) {
            return graphError(Tr::tr("Character(s) '%1' not allowed in revision identifier '%2'")
                                  .arg(illegal.join(u", "_s), r.id),
                              &r, r.idLine);
        }
        const auto it = d.byId.constFind(r.id);
        if (it != d.byId.constEnd()) {
            return graphError(Tr::tr("Revision %1 is present more than once: %2 and %3")
                                  .arg(r.id, fileOrId(d.revisions.at(*it)), fileOrId(r)),
                              &r, r.idLine);
        }
        d.byId.insert(r.id, i);
    }
    for (int i = 0; i < d.revisions.size(); ++i) {
        const Revision &r = d.revisions.at(i);
        for (const QString &label : r.branchLabels) {
            const int other = d.byLabel.value(label, d.byId.value(label, -1));
            if (other >= 0) {
                return graphError(Tr::tr("Branch name '%1' in revision %2 already used by "
                                         "revision %3 (%4 and %5)")
                                      .arg(label, r.id, d.revisions.at(other).id,
                                           fileOrId(r), fileOrId(d.revisions.at(other))),
                                  &r, r.branchLabelsLine);
            }
            d.byLabel.insert(label, i);
            d.nodes[i].labels.append(label);
        }
    }
    return {};
}

Result<void> RevisionGraph::linkParents(Data &d)
{
    for (int i = 0; i < d.revisions.size(); ++i) {
        const Revision &r = d.revisions.at(i);
        for (const QString &parent : r.parents) {
            const int p = d.byId.value(parent, -1);
            if (p < 0) {
                return graphError(Tr::tr("Revision %1 referenced from %2 is not present")
                                      .arg(parent, r.id),
                                  &r, r.parentsLine);
            }
            if (p == i) {
                return graphError(Tr::tr("Self-loop is detected in revisions (%1)").arg(r.id), &r,
                                  r.parentsLine);
            }
            appendUnique(d.nodes[i].parents, p);
            appendUnique(d.nodes[p].children, i);
            appendUnique(d.nodes[p].allChildren, i);
        }
    }
    return {};
}

Result<void> RevisionGraph::linkDependencies(Data &d)
{
    for (int i = 0; i < d.revisions.size(); ++i) {
        const Revision &r = d.revisions.at(i);
        for (const QString &dep : r.dependsOn) {
            int t = d.byId.value(dep, d.byLabel.value(dep, -1));
            if (t < 0) {
                QList<int> candidates;
                for (int j = 0; j < d.revisions.size() && dep.size() >= 4; ++j) {
                    if (d.revisions.at(j).id.startsWith(dep))
                        candidates.append(j);
                }
                if (candidates.size() == 1)
                    t = candidates.first();
            }
            if (t < 0) {
                return graphError(Tr::tr("Revision %1 referenced from %2 is not present")
                                      .arg(dep, r.id),
                                  &r, r.dependsOnLine);
            }
            if (t == i) {
                return graphError(
                    Tr::tr("Dependency self-loop is detected in revisions (%1)").arg(r.id), &r,
                    r.dependsOnLine);
            }
            appendUnique(d.nodes[i].dependencies, t);
            appendUnique(d.nodes[t].allChildren, i);
        }
    }
    return {};
}

// Revisions left over by Kahn's algorithm, trimmed to those on or between cycles (not those
// that merely build on a cycle). withDependencies: depends-on edges count too.
QList<int> RevisionGraph::cyclicIndexes(const Data &d, bool withDependencies)
{
    const int n = int(d.nodes.size());
    if (n == 0)
        return {};
    const auto forEachDown = [&d, withDependencies](int i, auto &&fn) {
        const Node &node = d.nodes.at(i);
        for (int p : node.parents)
            fn(p);
        if (!withDependencies)
            return;
        for (int p : node.dependencies) {
            if (!node.parents.contains(p))
                fn(p);
        }
    };
    QList<int> pending(n, 0);
    QList<int> ready;
    for (int i = 0; i < n; ++i) {
        forEachDown(i, [&pending, i](int) { ++pending[i]; });
        if (pending.at(i) == 0)
            ready.append(i);
    }
    std::vector<char> done(size_t(n), 0); // not QList: GCC 12 warns falsely on QList(n, 0) here
    while (!ready.isEmpty()) {
        const int i = ready.takeLast();
        done[i] = 1;
        for (int c : withDependencies ? d.nodes.at(i).allChildren : d.nodes.at(i).children) {
            if (--pending[c] == 0)
                ready.append(c);
        }
    }
    QList<int> upCount(n, 0);
    for (int i = 0; i < n; ++i) {
        if (!done.at(i))
            forEachDown(i, [&upCount, &done](int p) { upCount[p] += !done.at(p); });
    }
    for (int i = 0; i < n; ++i) {
        if (!done.at(i) && upCount.at(i) == 0)
            ready.append(i);
    }
    while (!ready.isEmpty()) {
        const int i = ready.takeLast();
        done[i] = 1;
        forEachDown(i, [&upCount, &done, &ready](int p) {
            if (!done.at(p) && --upCount[p] == 0)
                ready.append(p);
        });
    }
    QList<int> result;
    for (int i = 0; i < n; ++i) {
        if (!done.at(i))
            result.append(i);
    }
    return result;
}

// The error names the file and header line of one revision on the cycle: for a cycle of
// parents its "Revises" line; for one that needs a depends-on edge, the "Depends On" line of a
// revision whose depends-on stays on the cycle (that edge is one to reconsider).
Result<void> RevisionGraph::checkCycles(const Data &d)
{
    const auto describe = [&d](const QList<int> &indexes, const QString &kind, int at, int line) {
        QStringList ids;
        for (int i : indexes)
            ids.append(d.revisions.at(i).id);
        ids.sort();
        return graphError(Tr::tr("%1 is detected in revisions (%2)").arg(kind, ids.join(u", "_s)),
                          &d.revisions.at(at), line);
    };
    QList<int> cyclic = cyclicIndexes(d, false);
    if (!cyclic.isEmpty()) {
        const Revision &first = d.revisions.at(cyclic.first());
        return describe(cyclic, Tr::tr("Cycle"), cyclic.first(), first.parentsLine);
    }
    cyclic = cyclicIndexes(d, true);
    if (cyclic.isEmpty())
        return {};
    for (int i : std::as_const(cyclic)) {
        for (int dep : d.nodes.at(i).dependencies) {
            if (cyclic.contains(dep))
                return describe(cyclic, Tr::tr("Dependency cycle"), i,
                                d.revisions.at(i).dependsOnLine);
        }
    }
    return describe(cyclic, Tr::tr("Dependency cycle"), cyclic.first(),
                    d.revisions.at(cyclic.first()).parentsLine);
}

// Alembic's _normalize_depends_on: drop depends-on targets that an ancestor (by parent edges)
// already depends on; the rest, after the parents, are the "down" edges that order runs.
void RevisionGraph::normalizeDependencies(Data &d)
{
    const int n = d.revisions.size();
    QList<char> mark(n, 0);
    QList<int> stack;
    for (int i = 0; i < n; ++i) {
        Node &node = d.nodes[i];
        node.down = node.parents;
        if (node.dependencies.isEmpty())
            continue;
        QList<int> kept = node.dependencies;
        std::fill(mark.begin(), mark.end(), 0);
        stack = node.parents;
        while (!stack.isEmpty() && !kept.isEmpty()) {
            const int a = stack.takeLast();
            if (mark[a])
                continue;
            mark[a] = 1;
            for (int dep : d.nodes.at(a).dependencies)
                kept.removeAll(dep);
            stack.append(d.nodes.at(a).parents);
        }
        for (int dep : std::as_const(kept))
            appendUnique(node.down, dep);
    }
}

void RevisionGraph::collectEnds(Data &d)
{
    QList<char> isVersionedDown(d.revisions.size(), 0);
    QList<char> isAnyDown(d.revisions.size(), 0);
    for (const Node &node : std::as_const(d.nodes)) {
        for (int p : node.parents)
            isVersionedDown[p] = isAnyDown[p] = 1;
        for (int p : node.dependencies)
            isAnyDown[p] = 1;
    }
    for (int i = 0; i < d.revisions.size(); ++i) {
        if (!isVersionedDown[i])
            d.heads.append(i);
        if (!isAnyDown[i])
            d.realHeads.append(i);
        if (d.nodes.at(i).parents.isEmpty()) {
            d.bases.append(i);
            if (d.revisions.at(i).dependsOn.isEmpty())
                d.realBases.append(i);
        }
    }
}

void RevisionGraph::rankNodes(Data &d)
{
    const int n = int(d.nodes.size());
    QList<int> pending(n, 0);
    QList<int> ready;
    for (int i = n - 1; i >= 0; --i) {
        pending[i] = d.nodes.at(i).down.size();
        if (pending.at(i) == 0)
            ready.append(i);
    }
    int rank = 0;
    while (!ready.isEmpty()) {
        const int i = ready.takeLast();
        d.nodes[i].rank = rank++;
        for (int c : d.nodes.at(i).allChildren) {
            if (d.nodes.at(c).down.contains(i) && --pending[c] == 0)
                ready.append(c);
        }
    }
}

// Alembic's _add_branches: a label reaches every descendant by parent edges; and when those
// descendants form one plain line, it also reaches down from the line's end past the labelled
// revision to just above the nearest branch point or merge point.
void RevisionGraph::propagateLabels(Data &d)
{
    const int n = d.revisions.size();
    QList<char> mark(n, 0);
    for (int i = 0; i < n; ++i) {
        if (d.revisions.at(i).branchLabels.isEmpty())
            continue;
        const QStringList labels = d.nodes.at(i).labels;
        const auto label = [&d, &labels](int index) {
            for (const QString &l : labels) {
                if (!d.nodes.at(index).labels.contains(l))
                    d.nodes[index].labels.append(l);
            }
        };
        std::fill(mark.begin(), mark.end(), 0);
        QList<int> stack{i};
        int last = i;
        while (!stack.isEmpty()) {
            const int c = stack.takeLast();
            if (mark[c])
                continue;
            mark[c] = 1;
            label(c);
            last = c;
            stack.append(d.nodes.at(c).children);
        }
        for (int p = last; p >= 0;) {
            const Node &node = d.nodes.at(p);
            if (node.allChildren.size() > 1 || node.parents.size() > 1)
                break;
            label(p);
            p = node.parents.isEmpty() ? -1 : node.parents.first();
        }
    }
}

const QList<Revision> &RevisionGraph::revisions() const { return m_d->revisions; }

const Revision *RevisionGraph::revision(const QString &id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_d->revisions.at(i);
}

int RevisionGraph::count() const { return m_d->revisions.size(); }
int RevisionGraph::indexOf(const QString &id) const { return m_d->byId.value(id, -1); }
QString RevisionGraph::idAt(int index) const { return m_d->revisions.at(index).id; }

QStringList RevisionGraph::idsOf(const QList<int> &indexes) const
{
    QStringList ids;
    ids.reserve(indexes.size());
    for (int i : indexes)
        ids.append(m_d->revisions.at(i).id);
    return ids;
}

const RevisionGraph::Node *RevisionGraph::node(const QString &id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_d->nodes.at(i);
}

QStringList RevisionGraph::heads() const { return idsOf(m_d->heads); }
QStringList RevisionGraph::realHeads() const { return idsOf(m_d->realHeads); }
QStringList RevisionGraph::bases() const { return idsOf(m_d->bases); }
QStringList RevisionGraph::realBases() const { return idsOf(m_d->realBases); }

QStringList RevisionGraph::children(const QString &id) const
{
    const Node *n = node(id);
    return n ? idsOf(n->children) : QStringList();
}

QStringList RevisionGraph::dependents(const QString &id) const
{
    const Node *n = node(id);
    if (!n)
        return {};
    QList<int> deps;
    for (int c : n->allChildren) {
        if (!n->children.contains(c))
            deps.append(c);
    }
    return idsOf(deps);
}

bool RevisionGraph::isHead(const QString &id) const
{
    const Node *n = node(id);
    return n && n->children.isEmpty();
}

bool RevisionGraph::isRealHead(const QString &id) const
{
    const Node *n = node(id);
    return n && n->allChildren.isEmpty();
}

bool RevisionGraph::isBase(const QString &id) const
{
    const Node *n = node(id);
    return n && n->parents.isEmpty();
}

bool RevisionGraph::isBranchPoint(const QString &id) const
{
    const Node *n = node(id);
    return n && n->children.size() > 1;
}

bool RevisionGraph::isMergePoint(const QString &id) const
{
    const Node *n = node(id);
    return n && n->parents.size() > 1;
}

QStringList RevisionGraph::branchLabels(const QString &id) const
{
    const Node *n = node(id);
    return n ? n->labels : QStringList();
}

QStringList RevisionGraph::dependencies(const QString &id) const
{
    const Node *n = node(id);
    return n ? idsOf(n->dependencies) : QStringList();
}

QSet<QString> RevisionGraph::ancestors(const QString &id, bool includeDependencies) const
{
    const int i = indexOf(id);
    QSet<QString> result;
    if (i < 0)
        return result;
    const QList<char> marks = reach({i}, Towards::Bases, includeDependencies);
    for (int j = 0; j < marks.size(); ++j) {
        if (marks.at(j) && j != i)
            result.insert(idAt(j));
    }
    return result;
}

QSet<QString> RevisionGraph::descendants(const QString &id, bool includeDependencies) const
{
    const int i = indexOf(id);
    QSet<QString> result;
    if (i < 0)
        return result;
    const QList<char> marks = reach({i}, Towards::Heads, includeDependencies);
    for (int j = 0; j < marks.size(); ++j) {
        if (marks.at(j) && j != i)
            result.insert(idAt(j));
    }
    return result;
}

QStringList RevisionGraph::topologicalOrder() const
{
    return idsOf(sortNewestFirst(QList<char>(count(), 1), m_d->realHeads));
}

Result<QStringList> RevisionGraph::resolve(const QString &identifier,
                                           const QStringList &currentHeads) const
{
    return RevisionRange(*this).resolve(identifier, currentHeads);
}

Result<QStringList> RevisionGraph::current(const QStringList &rows) const
{
    const auto indexes = RevisionRange(*this).indexesOf(rows);
    if (!indexes)
        return indexes.error();
    const auto tips = RevisionIdentifier(*this).allCurrent(*indexes);
    if (!tips)
        return tips.error();
    return idsOf(*tips);
}

Result<QStringList> RevisionGraph::history(const QString &range,
                                           const QStringList &currentHeads) const
{
    return RevisionRange(*this).history(range, currentHeads);
}

const QList<int> &RevisionGraph::parentIndexes(int index) const
{
    return m_d->nodes.at(index).parents;
}

const QList<int> &RevisionGraph::downIndexes(int index) const { return m_d->nodes.at(index).down; }

const QList<int> &RevisionGraph::childIndexes(int index) const
{
    return m_d->nodes.at(index).children;
}

const QList<int> &RevisionGraph::allChildIndexes(int index) const
{
    return m_d->nodes.at(index).allChildren;
}

const QHash<QString, int> &RevisionGraph::labelIndexes() const { return m_d->byLabel; }

QList<char> RevisionGraph::reach(const QList<int> &starts, Towards towards,
                                 bool includeDependencies) const
{
    QList<char> marks(count(), 0);
    QList<int> stack = starts;
    while (!stack.isEmpty()) {
        const int i = stack.takeLast();
        if (marks.at(i))
            continue;
        marks[i] = 1;
        const Node &n = m_d->nodes.at(i);
        if (towards == Towards::Bases)
            stack.append(includeDependencies ? n.down : n.parents);
        else
            stack.append(includeDependencies ? n.allChildren : n.children);
    }
    return marks;
}

bool RevisionGraph::reachesDown(const QList<int> &starts, int target,
                                bool includeDependencies) const
{
    const int floor = m_d->nodes.at(target).rank;
    QSet<int> seen;
    QList<int> stack = starts;
    while (!stack.isEmpty()) {
        const int i = stack.takeLast();
        if (i == target)
            return true;
        if (m_d->nodes.at(i).rank <= floor || seen.contains(i))
            continue;
        seen.insert(i);
        const Node &n = m_d->nodes.at(i);
        stack.append(includeDependencies ? n.down : n.parents);
    }
    return false;
}

QList<int> RevisionGraph::sortNewestFirst(const QList<char> &subset, const QList<int> &heads) const
{
    return TopologicalSorter(*this).sort(subset, heads);
}

bool RevisionGraph::sharesLineage(int index, const QList<int> &others, bool includeDependencies) const
{
    return others.isEmpty() || lineage(others, includeDependencies).at(index);
}

QList<char> RevisionGraph::lineage(const QList<int> &of, bool includeDependencies) const
{
    QList<char> marks = reach(of, Towards::Bases, includeDependencies);
    const QList<char> up = reach(of, Towards::Heads, includeDependencies);
    for (int i = 0; i < marks.size(); ++i)
        marks[i] = marks.at(i) || up.at(i);
    return marks;
}

} // namespace Retort

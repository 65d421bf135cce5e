#include "migrationplanner.h"

#include <engine/core/enginetr.h>
#include <engine/revision/revisiongraph.h>
#include <engine/revision/revisionidentifier.h>
#include <engine/revision/revisionrange.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// The version table's rows while a plan is built, changed as Alembic's HeadMaintainer does.
class HeadRows
{
public:
    explicit HeadRows(const QStringList &rows)
        : m_rows(rows)
    {}

    const QStringList &rows() const { return m_rows; }
    bool contains(const QString &id) const { return m_rows.contains(id); }

    Result<void> insert(const QString &id, QList<VersionChange> &changes)
    {
        if (m_rows.contains(id))
            return internal(Tr::tr("Revision %1 is already in the version table").arg(id));
        m_rows.append(id);
        changes.append({VersionChange::Kind::Insert, {}, id});
        return {};
    }
    Result<void> remove(const QString &id, QList<VersionChange> &changes)
    {
        if (!m_rows.removeOne(id))
            return missing(u"deleting '%1'"_s.arg(id));
        changes.append({VersionChange::Kind::Delete, id, {}});
        return {};
    }
    Result<void> update(const QString &from, const QString &to, QList<VersionChange> &changes)
    {
        const qsizetype at = m_rows.indexOf(from);
        if (at < 0)
            return missing(u"updating '%1' to '%2'"_s.arg(from, to));
        if (m_rows.contains(to))
            return internal(Tr::tr("Revision %1 is already in the version table").arg(to));
        m_rows[at] = to;
        changes.append({VersionChange::Kind::Update, from, to});
        return {};
    }

private:
    static Error internal(const QString &message) { return Error(Error::Kind::Graph, message); }
    static Error missing(const QString &what)
    {
        return internal(Tr::tr("Online migration expected to match one row when %1 in the "
                               "version table; 0 found")
                            .arg(what));
    }

    QStringList m_rows;
};

QStringList idsOf(const RevisionGraph &graph, const QList<int> &indexes)
{
    QStringList ids;
    for (int i : indexes)
        ids.append(graph.idAt(i));
    return ids;
}

// `down` minus what the other rows already hold (with their ancestors and dependencies).
// `down` without what the version rows other than the changed one already hold (with their
// ancestors and dependencies). excludeDown: the other rows are those not in `down` (a merge),
// else all but `except` (an unmerge), as Alembic's merge_branch_idents and
// _unmerge_to_revisions differ. Searches only between the rows and `down` (by rank), so a
// 10,000-step downgrade stays linear.
QList<int> notBelowOthers(const RevisionGraph &graph, const HeadRows &heads, const QList<int> &down,
                          const QString &except, bool excludeDown)
{
    QList<int> others;
    for (const QString &id : heads.rows()) {
        const int i = graph.indexOf(id);
        if (id != except && !(excludeDown && down.contains(i)))
            others.append(i);
    }
    QList<int> result;
    for (int d : down) {
        if (others.isEmpty() || !graph.reachesDown(others, d, true))
            result.append(d);
    }
    return result;
}

Result<void> applyUpgrade(const RevisionGraph &graph, int rev, HeadRows &heads,
                          QList<VersionChange> &changes)
{
    const QString id = graph.idAt(rev);
    const QList<int> &down = graph.downIndexes(rev);
    QList<int> present;
    for (int d : down) {
        if (heads.contains(graph.idAt(d)))
            present.append(d);
    }
    if (present.isEmpty())
        return heads.insert(id, changes);
    if (down.size() > 1 && present.size() > 1) {
        // Alembic takes these from a set; we keep written order: delete all but the last.
        const QList<int> from = notBelowOthers(graph, heads, down, {}, true);
        if (from.isEmpty()) {
            return Error(Error::Kind::Graph,
                         Tr::tr("Can't do an UPDATE because downrevision is ambiguous"));
        }
        for (int k = 0; k + 1 < from.size(); ++k) {
            if (auto r = heads.remove(graph.idAt(from.at(k)), changes); !r)
                return r;
        }
        return heads.update(graph.idAt(from.last()), id, changes);
    }
    if (present.size() != 1)
        return Error(Error::Kind::Graph, Tr::tr("Can't do an UPDATE because downrevision is ambiguous"));
    return heads.update(graph.idAt(present.first()), id, changes);
}

Result<void> applyDowngrade(const RevisionGraph &graph, int rev, HeadRows &heads,
                            QList<VersionChange> &changes)
{
    const QString id = graph.idAt(rev);
    const QList<int> &down = graph.downIndexes(rev);
    if (heads.contains(id)) {
        const QList<int> to = notBelowOthers(graph, heads, down, id, false);
        if (down.isEmpty() || to.isEmpty())
            return heads.remove(id, changes);
        if (down.size() > 1) {
            for (int k = 0; k + 1 < to.size(); ++k) {
                if (auto r = heads.insert(graph.idAt(to.at(k)), changes); !r)
                    return r;
            }
            return heads.update(id, graph.idAt(to.last()), changes);
        }
    }
    int target = down.isEmpty() ? -1 : down.first();
    if (down.size() > 1) {
        QList<int> present;
        for (int d : down) {
            if (heads.contains(graph.idAt(d)))
                present.append(d);
        }
        target = present.size() == 1 ? present.first() : -1;
    }
    if (target < 0)
        return Error(Error::Kind::Graph, Tr::tr("Can't do an UPDATE because downrevision is ambiguous"));
    return heads.update(id, graph.idAt(target), changes);
}

Result<MigrationPlan> buildPlan(const RevisionGraph &graph, const QStringList &currentHeads,
                                const QList<int> &order, MigrationStep::Direction direction)
{
    MigrationPlan plan;
    plan.headsBefore = currentHeads;
    HeadRows heads(currentHeads);
    for (int rev : order) {
        MigrationStep step;
        step.direction = direction;
        step.revision = graph.idAt(rev);
        const QStringList parents = idsOf(graph, graph.parentIndexes(rev));
        const bool up = direction == MigrationStep::Direction::Upgrade;
        step.fromRevisions = up ? parents : QStringList{step.revision};
        step.toRevisions = up ? QStringList{step.revision} : parents;
        const auto applied = up ? applyUpgrade(graph, rev, heads, step.versionChanges)
                                : applyDowngrade(graph, rev, heads, step.versionChanges);
        if (!applied)
            return applied.error().withContext(step.revision);
        plan.steps.append(step);
    }
    plan.headsAfter = heads.rows();
    return plan;
}

} // namespace

Result<MigrationPlan> MigrationPlanner::planUpgrade(const RevisionGraph &graph,
                                                    const QStringList &currentHeads,
                                                    const QString &target)
{
    const RevisionRange range(graph);
    const auto current = range.indexesOf(currentHeads);
    if (!current)
        return current.error();
    RevisionRange::UpgradeOptions options;
    options.notRelated = Tr::tr("Destination %1 is not a valid upgrade target from current "
                                "head(s)")
                             .arg(target);
    const auto selection = range.collectUpgrade({target}, *current, options);
    if (!selection)
        return RevisionIdentifier::namingTarget(selection.error(), target);
    QList<int> order = graph.sortNewestFirst(selection->revisions, selection->heads);
    std::reverse(order.begin(), order.end());
    return buildPlan(graph, currentHeads, order, MigrationStep::Direction::Upgrade);
}

Result<MigrationPlan> MigrationPlanner::planDowngrade(const RevisionGraph &graph,
                                                      const QStringList &currentHeads,
                                                      const QString &target)
{
    const RevisionRange range(graph);
    const auto current = range.indexesOf(currentHeads);
    if (!current)
        return current.error();
    const auto selection = range.collectDowngrade(*current, target);
    if (!selection)
        return RevisionIdentifier::namingTarget(selection.error(), target);
    const QList<int> order = graph.sortNewestFirst(selection->revisions, selection->heads);
    for (int rev : order) {
        const Revision &r = graph.revisions().at(rev);
        if (!r.downgradeSql) {
            return Error(Error::Kind::Script,
                         Tr::tr("Revision %1 has no downgrade section; it cannot be downgraded")
                             .arg(r.id),
                         r.filePath);
        }
    }
    return buildPlan(graph, currentHeads, order, MigrationStep::Direction::Downgrade);
}

namespace {

struct StampMove
{
    QStringList from;
    QStringList to;
    bool upgrade = true;
    bool branchMove = false;
};

// Alembic's StampStep through HeadMaintainer.update_to_step.
Result<void> applyStamp(const StampMove &move, HeadRows &heads, QList<VersionChange> &changes)
{
    const auto missingFrom = [&heads](const QStringList &ids) {
        return std::any_of(ids.begin(), ids.end(),
                           [&heads](const QString &id) { return !heads.contains(id); });
    };
    if (!move.upgrade && move.branchMove)
        return heads.remove(move.from.first(), changes);
    if (move.upgrade && (move.branchMove || missingFrom(move.from)) && missingFrom(move.to))
        return heads.insert(move.to.first(), changes);
    if (move.from.size() > 1) {
        for (int k = 0; k + 1 < move.from.size(); ++k) {
            if (auto r = heads.remove(move.from.at(k), changes); !r)
                return r;
        }
        return heads.update(move.from.last(), move.to.first(), changes);
    }
    if (move.from.isEmpty() || move.to.isEmpty())
        return Error(Error::Kind::Graph, Tr::tr("Nothing to stamp from"));
    return heads.update(move.from.first(), move.to.first(), changes);
}

// Whether `rows` are a version table that no command can start from: two rows on one line (one
// stands for the other already), or one of the newest `dests` missing.
bool isBrokenStamp(const RevisionGraph &graph, const QList<int> &dests, const QStringList &rows)
{
    QList<int> indexes;
    for (const QString &id : rows)
        indexes.append(graph.indexOf(id));
    for (int a : indexes) {
        for (int b : indexes) {
            if (a >= 0 && b >= 0 && a != b && graph.reachesDown({a}, b, true))
                return true;
        }
    }
    for (int d : dests) {
        const bool newest = std::none_of(dests.begin(), dests.end(), [&](int o) {
            return o >= 0 && o != d && graph.reachesDown({o}, d, true);
        });
        if (d >= 0 && newest && !rows.contains(graph.idAt(d)))
            return true;
    }
    return false;
}

// `stamp r2 r3` with r2 below r3: from base Alembic writes both rows, from r3 it leaves r2
// alone, tables that no upgrade or downgrade starts from right. Where the outcome is such a
// table, Retort refuses before anything runs, naming both revisions and why. (From r2, Alembic
// moves the row to r3, a sound table: that plan is kept.)
Result<void> checkStampTargets(const RevisionGraph &graph, const QStringList &targets,
                               const QStringList &rowsAfter)
{
    const auto dests = RevisionIdentifier(graph).revisions(targets);
    if (!dests || !isBrokenStamp(graph, *dests, rowsAfter))
        return {};
    for (int upper : *dests) {
        for (int lower : *dests) {
            if (upper < 0 || lower < 0 || lower == upper
                || !graph.reachesDown({upper}, lower, true))
                continue;
            const QString low = graph.idAt(lower);
            const QString high = graph.idAt(upper);
            const QString why =
                graph.reachesDown({upper}, lower, false)
                    ? Tr::tr("%1 is an ancestor of %2").arg(low, high)
                    : Tr::tr("%2 depends on %1 (by its Depends On or an ancestor's)")
                          .arg(low, high);
            return Error(Error::Kind::Graph,
                         Tr::tr("Cannot stamp both %1 and %2: %3, and a version row stands for "
                                "everything below it; stamp %2 alone")
                             .arg(low, high, why));
        }
    }
    return {};
}

// Alembic's ScriptDirectory._stamp_revs.
Result<QList<StampMove>> stampMoves(const RevisionGraph &graph, const QList<int> &heads,
                                    const QStringList &targets)
{
    const RevisionIdentifier ident(graph);
    QList<int> filtered;
    for (const QString &t : targets) {
        if (t.isEmpty())
            continue;
        const auto f = ident.filterForLineage(heads, t, true);
        if (!f)
            return f.error();
        for (int h : *f) {
            if (!filtered.contains(h))
                filtered.append(h);
        }
    }
    const auto dests = ident.revisions(targets);
    if (!dests)
        return dests.error();
    const QStringList filteredIds = idsOf(graph, filtered);
    QList<StampMove> moves;
    if (dests->isEmpty()) {
        for (const QString &h : filteredIds)
            moves.append({{h}, {}, false, true});
        return moves;
    }
    for (int dest : *dests) {
        if (dest < 0 || filtered.contains(dest))
            continue;
        const QList<char> above = graph.reach({dest}, RevisionGraph::Towards::Heads, true);
        const QList<char> below = graph.reach({dest}, RevisionGraph::Towards::Bases, true);
        const auto any = [&filtered](const QList<char> &marks) {
            return std::any_of(filtered.begin(), filtered.end(),
                               [&marks](int h) { return marks.at(h); });
        };
        if (any(above))
            moves.append({filteredIds, {graph.idAt(dest)}, false, false});
        else if (any(below))
            moves.append({filteredIds, {graph.idAt(dest)}, true, false});
        else
            moves.append({{}, {graph.idAt(dest)}, true, true});
    }
    return moves;
}

} // namespace

Result<MigrationPlan> MigrationPlanner::planStamp(const RevisionGraph &graph,
                                                  const QStringList &currentHeads,
                                                  const QStringList &targets, bool purge)
{
    const QStringList rows = purge ? QStringList() : currentHeads;
    const auto current = RevisionRange(graph).indexesOf(rows);
    if (!current)
        return current.error();
    const auto moves = stampMoves(graph, *current,
                                  targets.isEmpty() ? QStringList{u"base"_s} : targets);
    if (!moves && moves.error().kind == Error::Kind::MultipleHeads) {
        return Error(Error::Kind::MultipleHeads, Tr::tr("Multiple heads are present; please specify a "
                                                "single target revision"));
    }
    if (!moves)
        return moves.error();
    MigrationPlan plan;
    plan.headsBefore = currentHeads;
    plan.purge = purge;
    HeadRows heads(rows);
    for (const StampMove &move : *moves) {
        MigrationStep step;
        step.stamp = true;
        step.direction = move.upgrade ? MigrationStep::Direction::Upgrade
                                      : MigrationStep::Direction::Downgrade;
        step.fromRevisions = move.from;
        step.toRevisions = move.to;
        // The history row names the revision stamped to, or the one stamped away from.
        step.revision = move.to.isEmpty() ? move.from.value(0) : move.to.value(0);
        if (auto r = applyStamp(move, heads, step.versionChanges); !r)
            return r.error();
        plan.steps.append(step);
    }
    plan.headsAfter = heads.rows();
    if (auto r = checkStampTargets(graph, targets, plan.headsAfter); !r)
        return r.error();
    return plan;
}

} // namespace Retort

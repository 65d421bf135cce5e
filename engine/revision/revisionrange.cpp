#include "revisionrange.h"

#include "revisiongraph.h"

#include <engine/core/enginetr.h>

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

Error graphError(const QString &message)
{
    return Error(Error::Kind::Graph, message);
}

} // namespace

RevisionRange::RevisionRange(const RevisionGraph &graph)
    : m_graph(graph)
    , m_ident(graph)
{}

QStringList RevisionRange::idsOf(const QList<int> &indexes) const
{
    QStringList ids;
    for (int i : indexes) {
        if (i >= 0)
            ids.append(m_graph.idAt(i));
    }
    return ids;
}

Result<QList<int>> RevisionRange::indexesOf(const QStringList &ids) const
{
    QList<int> result;
    for (const QString &id : ids) {
        const auto r = m_ident.revisionForIdent(id);
        if (!r)
            return graphError(Tr::tr("Can't locate revision identified by '%1'").arg(id));
        result.append(*r);
    }
    return result;
}

// Ancestors of `targets` (included), failing as Alembic's check=True walk does when one target
// is an ancestor of another. One shared walk: a target hidden behind an earlier walk's
// revisions is still met, because those revisions are popped (not expanded) again.
Result<QList<char>> RevisionRange::ancestorsChecked(const QList<int> &targets) const
{
    QList<char> seen(m_graph.count(), 0);
    QList<char> isTarget(m_graph.count(), 0);
    for (int t : targets)
        isTarget[t] = 1;
    for (int t : targets) {
        QList<int> stack{t};
        QStringList overlaps;
        while (!stack.isEmpty()) {
            const int r = stack.takeLast();
            if (r != t && isTarget.at(r) && !overlaps.contains(m_graph.idAt(r)))
                overlaps.append(m_graph.idAt(r));
            if (seen.at(r))
                continue;
            seen[r] = 1;
            stack.append(m_graph.downIndexes(r));
        }
        if (!overlaps.isEmpty()) {
            return graphError(Tr::tr("Requested revision %1 overlaps with other requested "
                                     "revisions %2")
                                  .arg(m_graph.idAt(t), overlaps.join(u", "_s)));
        }
    }
    return seen;
}

// History's "LABEL@...:" lower bound keeps only the targets carrying that label; a revision
// given instead of a label stands for its one label.
Result<QList<int>> RevisionRange::onLowerBranch(const QList<int> &targets, QString branch) const
{
    const auto branchRev = m_ident.singleRevision(branch);
    if (!branchRev)
        return branchRev.error();
    if (*branchRev >= 0 && m_graph.idAt(*branchRev) == branch) {
        const QStringList labels = m_graph.branchLabels(branch);
        if (labels.size() != 1)
            return graphError(Tr::tr("Revision %1 has no single branch label").arg(branch));
        branch = labels.first();
    }
    QList<int> result;
    for (int t : targets) {
        if (m_graph.branchLabels(m_graph.idAt(t)).contains(branch))
            result.append(t);
    }
    return result;
}

Result<RevisionRange::Selection> RevisionRange::collectUpgrade(const QStringList &upper,
                                                               const QList<int> &lower,
                                                               const UpgradeOptions &options) const
{
    const auto parsed = upper.size() == 1
                            ? m_ident.parseUpgradeTarget(lower, upper.first(),
                                                         options.assertRelativeLength)
                            : m_ident.revisions(upper);
    if (!parsed)
        return parsed.error();
    QList<int> targets;
    for (int t : *parsed) {
        if (t < 0)
            return graphError(Tr::tr("Walked too far"));
        targets.append(t);
    }
    if (const int at = options.lowerText.indexOf(u'@'); at >= 0) {
        const auto onBranch = onLowerBranch(targets, options.lowerText.left(at));
        if (!onBranch)
            return onBranch.error();
        targets = *onBranch;
    }
    const auto required = ancestorsChecked(targets);
    if (!required)
        return required.error();
    for (int c : lower) {
        if (!options.implicitBase && (c < 0 || !required->at(c)))
            return graphError(options.notRelated);
    }
    QList<int> known;
    for (int c : lower) {
        if (c >= 0)
            known.append(c);
    }
    const auto current = ancestorsChecked(known);
    if (!current)
        return current.error();
    Selection s{*required, targets};
    for (int i = 0; i < s.revisions.size(); ++i)
        s.revisions[i] = s.revisions.at(i) && !current->at(i);
    if (options.inclusive) {
        for (int c : std::as_const(known))
            s.revisions[c] = 1;
    }
    if (!known.isEmpty() && !options.implicitBase) {
        const QList<char> above = m_graph.reach(known, RevisionGraph::Towards::Heads, false);
        for (int i = 0; i < s.revisions.size(); ++i)
            s.revisions[i] = s.revisions.at(i) && above.at(i);
    }
    return s;
}

Result<RevisionRange::Selection> RevisionRange::collectDowngrade(const QList<int> &upper,
                                                                 const QString &target) const
{
    const auto parsed = m_ident.parseDowngradeTarget(upper, target, true);
    if (!parsed)
        return parsed.error();
    const int rev = parsed->revision < 0 ? RevisionIdentifier::NoRevision : parsed->revision;
    QList<int> roots;
    if (rev < 0) {
        for (int i = 0; i < m_graph.count(); ++i) {
            if (m_graph.parentIndexes(i).isEmpty())
                roots.append(i);
        }
    } else {
        roots = m_graph.childIndexes(rev);
    }
    if (!parsed->branchLabel.isEmpty() && roots.size() > 1) {
        const auto branch = m_ident.resolveBranch(parsed->branchLabel);
        if (!branch)
            return branch.error();
        const QList<char> below = m_graph.reach({*branch}, RevisionGraph::Towards::Bases, false);
        roots.removeIf([&below](int r) { return !below.at(r); });
        if (roots.isEmpty())
            return graphError(Tr::tr("Not a valid downgrade target from current heads"));
    }
    Selection s{m_graph.reach(roots, RevisionGraph::Towards::Heads, true), upper};
    const QList<char> active = m_graph.reach(upper, RevisionGraph::Towards::Bases, true);
    bool any = false;
    for (int i = 0; i < s.revisions.size(); ++i) {
        s.revisions[i] = s.revisions.at(i) && active.at(i);
        any = any || s.revisions.at(i);
    }
    if (rev >= 0 && !any && !upper.contains(rev)) {
        return graphError(Tr::tr("Destination %1 is not a valid downgrade target from current "
                                 "head(s)")
                              .arg(target));
    }
    return s;
}

Result<QStringList> RevisionRange::resolve(const QString &identifier,
                                           const QStringList &currentHeads) const
{
    const auto current = indexesOf(currentHeads);
    if (!current)
        return current.error();
    static const QRegularExpression relative(u"^(?:.+?@)?\\w*([+-])\\d+"_s);
    const QRegularExpressionMatch m = relative.match(identifier);
    if (m.hasMatch() && m.captured(1) == u"-"_s) {
        const auto t = m_ident.parseDowngradeTarget(*current, identifier, true);
        if (!t)
            return t.error();
        return idsOf({t->revision});
    }
    const auto r = m.hasMatch() ? m_ident.parseUpgradeTarget(*current, identifier, true)
                                : m_ident.revisions(identifier);
    if (!r)
        return r.error();
    if (r->contains(RevisionIdentifier::NoRevision))
        return graphError(Tr::tr("Walked too far"));
    return idsOf(*r);
}

Result<QList<int>> RevisionRange::historyLower(const QString &lower) const
{
    const auto revs = m_ident.revisions(lower);
    if (!revs)
        return revs.error();
    if (revs->contains(RevisionIdentifier::NoRevision)) {
        // "-N" walked below a base (Alembic fails here in its own way).
        static const QRegularExpression relative(u"([+-]?)(\\d+)$"_s);
        const QRegularExpressionMatch m = relative.match(lower);
        return graphError(Tr::tr("Relative revision %1 didn't produce %2 migrations")
                              .arg(m.captured(0), m.captured(2)));
    }
    return *revs;
}

Result<QStringList> RevisionRange::history(const QString &range,
                                           const QStringList &currentHeads) const
{
    QString base;
    QString head;
    if (!range.isEmpty()) {
        const QStringList parts = range.trimmed().split(u':');
        if (parts.size() != 2)
            return graphError(Tr::tr("History range requires [start]:[end], [start]:, or :[end]"));
        base = parts.at(0);
        head = parts.at(1);
    }
    const bool headIsCurrent = head == u"current"_s;
    const bool baseIsCurrent = base == u"current"_s;
    QStringList upper{head.isEmpty() ? u"heads"_s : head};
    if (headIsCurrent)
        upper = currentHeads.isEmpty() ? QStringList{u"heads"_s} : currentHeads;
    const QString lowerText = base.isEmpty() ? u"base"_s : base;
    const auto lower = baseIsCurrent ? indexesOf(currentHeads) : historyLower(lowerText);
    if (!lower)
        return RevisionIdentifier::namingTarget(lower.error(), head.isEmpty() ? u"heads"_s : head);
    UpgradeOptions options;
    options.inclusive = true;
    options.implicitBase = false;
    options.assertRelativeLength = false;
    options.lowerText = baseIsCurrent ? QString() : lowerText;
    options.notRelated = Tr::tr("Requested range %1:%2 does not refer to ancestor/descendant "
                                "revisions along the same branch")
                             .arg(lowerText, head.isEmpty() ? u"heads"_s : head);
    const auto selection = collectUpgrade(upper, *lower, options);
    if (!selection)
        return RevisionIdentifier::namingTarget(selection.error(), head.isEmpty() ? u"heads"_s : head);
    return idsOf(m_graph.sortNewestFirst(selection->revisions, selection->heads));
}

} // namespace Retort

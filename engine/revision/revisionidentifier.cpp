#include "revisionidentifier.h"

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

// Alembic's _relative_destination: [LABEL@][SYMBOL](+|-)N, anchored at the start only.
const QRegularExpression &relativePattern()
{
    static const QRegularExpression re(u"^(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)"_s,
                                       QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

// Python's int(): optional sign, digits, surrounding blanks.
std::optional<int> pythonInt(const QString &text)
{
    static const QRegularExpression re(u"^\\s*[+-]?\\d+\\s*$"_s);
    if (!re.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

Error relativeError(const QString &relative, int count)
{
    return graphError(Tr::tr("Relative revision %1 didn't produce %2 migrations")
                          .arg(relative)
                          .arg(qAbs(count)));
}

QList<int> marked(const QList<char> &marks)
{
    QList<int> result;
    for (int i = 0; i < marks.size(); ++i) {
        if (marks.at(i))
            result.append(i);
    }
    return result;
}

} // namespace

RevisionIdentifier::RevisionIdentifier(const RevisionGraph &graph)
    : m_graph(graph)
{}

QString RevisionIdentifier::multipleHeadsMessage(const QString &argument)
{
    return Tr::tr("Multiple head revisions are present for given argument '%1'; please specify a "
                  "specific target revision, '<branchname>@%1' to narrow to a specific head, or "
                  "'heads' for all heads")
        .arg(argument);
}

Error RevisionIdentifier::multipleHeadsError(const QString &argument)
{
    return Error(Error::Kind::MultipleHeads, multipleHeadsMessage(argument));
}

Error RevisionIdentifier::namingTarget(const Error &error, const QString &end)
{
    return error.kind == Error::Kind::MultipleHeads ? multipleHeadsError(end) : error;
}

Result<RevisionIdentifier::Resolved> RevisionIdentifier::resolveNumber(const QString &identifier) const
{
    Resolved r;
    QString rest = identifier;
    const int at = identifier.indexOf(u'@');
    if (at >= 0) {
        r.branchLabel = identifier.left(at);
        rest = identifier.mid(at + 1);
    }
    if (rest == u"heads"_s) {
        QList<int> heads;
        for (const QString &h : m_graph.heads())
            heads.append(m_graph.indexOf(h));
        if (r.branchLabel.isEmpty()) {
            r.idents = m_graph.realHeads();
            return r;
        }
        const auto filtered = filterForLineage(heads, r.branchLabel);
        if (!filtered)
            return filtered.error();
        for (int i : *filtered)
            r.idents.append(m_graph.idAt(i));
    } else if (rest == u"head"_s) {
        const auto head = currentHead(r.branchLabel);
        if (!head)
            return head.error();
        if (*head >= 0)
            r.idents.append(m_graph.idAt(*head));
    } else if (rest != u"base"_s) {
        r.idents.append(rest);
    }
    return r;
}

Result<int> RevisionIdentifier::currentHead(const QString &branchLabel) const
{
    QList<int> heads;
    for (const QString &h : m_graph.heads())
        heads.append(m_graph.indexOf(h));
    if (!branchLabel.isEmpty()) {
        const auto filtered = filterForLineage(heads, branchLabel);
        if (!filtered)
            return filtered.error();
        heads = *filtered;
    }
    if (heads.size() > 1) {
        return multipleHeadsError(branchLabel.isEmpty() ? u"head"_s
                                                        : branchLabel + u"@head"_s);
    }
    return heads.isEmpty() ? NoRevision : heads.first();
}

Result<int> RevisionIdentifier::resolveBranch(const QString &label) const
{
    const auto it = m_graph.labelIndexes().constFind(label);
    if (it != m_graph.labelIndexes().constEnd())
        return *it;
    const auto r = lookup(label);
    if (!r)
        return graphError(Tr::tr("No such branch: '%1'").arg(label));
    return *r;
}

Result<int> RevisionIdentifier::revisionForIdent(const QString &ident, const QString &branch) const
{
    int branchRev = NoRevision;
    if (!branch.isEmpty()) {
        const auto b = resolveBranch(branch);
        if (!b)
            return b.error();
        branchRev = *b;
    }
    const auto rev = lookup(ident, branchRev);
    if (!rev)
        return rev.error();
    if (branchRev >= 0 && !m_graph.sharesLineage(*rev, {branchRev}, false)) {
        return graphError(Tr::tr("Revision %1 is not a member of branch '%2'")
                              .arg(m_graph.idAt(*rev), branch));
    }
    return *rev;
}

Result<QList<int>> RevisionIdentifier::filterForLineage(const QList<int> &targets,
                                                       const QString &checkAgainst,
                                                       bool includeDependencies) const
{
    const auto resolved = resolveNumber(checkAgainst);
    if (!resolved)
        return resolved.error();
    QStringList shares = resolved->idents;
    if (!resolved->branchLabel.isEmpty())
        shares.prepend(resolved->branchLabel);
    QList<int> against;
    for (const QString &s : std::as_const(shares)) {
        const auto r = revisionForIdent(s);
        if (!r)
            return r.error();
        against.append(*r);
    }
    QList<int> result;
    const QList<char> related = against.isEmpty() ? QList<char>()
                                                  : m_graph.lineage(against, includeDependencies);
    for (int t : targets) {
        if (t >= 0 && (against.isEmpty() || related.at(t)))
            result.append(t);
    }
    return result;
}

Result<QList<int>> RevisionIdentifier::revisions(const QString &identifier) const
{
    const auto resolved = resolveNumber(identifier);
    if (!resolved)
        return resolved.error();
    if (resolved->idents.size() == 1) {
        const std::optional<int> steps = pythonInt(resolved->idents.first());
        if (steps && *steps < 0) {
            QList<int> result;
            for (const QString &h : m_graph.realHeads()) {
                if (!resolved->branchLabel.isEmpty()
                    && !m_graph.branchLabels(h).contains(resolved->branchLabel))
                    continue;
                const auto w = walk(m_graph.indexOf(h), *steps, {}, true);
                if (!w)
                    return w.error();
                result.append(*w);
            }
            return result;
        }
    }
    QList<int> result;
    for (const QString &ident : resolved->idents) {
        const auto r = revisionForIdent(ident, resolved->branchLabel);
        if (!r)
            return r.error();
        result.append(*r);
    }
    return result;
}

Result<QList<int>> RevisionIdentifier::revisions(const QStringList &identifiers) const
{
    QList<int> result;
    for (const QString &identifier : identifiers) {
        const auto r = revisions(identifier);
        if (!r)
            return r.error();
        result.append(*r);
    }
    return result;
}

Result<int> RevisionIdentifier::singleRevision(const QString &identifier) const
{
    const auto resolved = resolveNumber(identifier);
    if (!resolved)
        return resolved.error();
    if (resolved->idents.size() > 1)
        return multipleHeadsError(identifier);
    if (resolved->idents.isEmpty()) {
        if (!resolved->branchLabel.isEmpty()) {
            if (const auto b = resolveBranch(resolved->branchLabel); !b)
                return b.error();
        }
        return NoRevision;
    }
    return revisionForIdent(resolved->idents.first(), resolved->branchLabel);
}

Result<int> RevisionIdentifier::walk(int start, int steps, const QString &branchLabel,
                                     bool noOverwalk) const
{
    int initial = start;
    for (int k = 0; k < qAbs(steps); ++k) {
        QList<int> children;
        if (steps > 0) {
            if (initial == Base)
                return graphError(Tr::tr("Walked too far"));
            QList<int> up;
            if (initial == NoRevision) {
                for (const QString &b : m_graph.bases())
                    up.append(m_graph.indexOf(b));
            } else {
                up = m_graph.childIndexes(initial);
            }
            if (branchLabel.isEmpty()) {
                children = up;
            } else {
                const auto filtered = filterForLineage(up, branchLabel);
                if (!filtered)
                    return filtered.error();
                children = *filtered;
            }
        } else if (initial != Base) {
            if (initial == NoRevision) {
                for (const QString &h : m_graph.heads())
                    children.append(m_graph.indexOf(h));
            } else {
                children = m_graph.parentIndexes(initial);
            }
            if (children.isEmpty())
                children.append(Base);
        }
        if (children.isEmpty())
            return noOverwalk ? NoRevision : initial;
        if (children.size() > 1)
            return graphError(Tr::tr("Ambiguous walk"));
        initial = children.first();
    }
    return initial;
}

Result<QList<int>> RevisionIdentifier::upgradeStarts(const QList<int> &current,
                                                    const QString &branchLabel) const
{
    QList<int> known;
    for (int c : current) {
        if (c >= 0)
            known.append(c);
    }
    if (branchLabel.isEmpty())
        return current.isEmpty() ? QList<int>{NoRevision} : current;
    const auto onBranch = filterForLineage(known, branchLabel);
    if (!onBranch)
        return onBranch.error();
    if (!onBranch->isEmpty())
        return *onBranch;
    // The branch has no current head: start from the newest applied revisions on it.
    const auto active = filterForLineage(
        marked(m_graph.reach(known, RevisionGraph::Towards::Bases, true)), branchLabel);
    if (!active)
        return active.error();
    QList<char> below(m_graph.count(), 0);
    for (int a : *active) {
        for (int d : m_graph.downIndexes(a))
            below[d] = 1;
    }
    QList<int> tips;
    for (int a : *active) {
        if (!below.at(a))
            tips.append(a);
    }
    return tips.isEmpty() ? QList<int>{NoRevision} : tips;
}

Result<QList<int>> RevisionIdentifier::parseUpgradeTarget(const QList<int> &current,
                                                         const QString &target,
                                                         bool assertRelativeLength) const
{
    const QRegularExpressionMatch m = relativePattern().match(target);
    if (!m.hasMatch())
        return revisions(target);
    const QString label = m.captured(1);
    const bool hasSymbol = m.hasCaptured(2);
    const QString symbol = m.captured(2);
    const QString relativeText = m.captured(3);
    const int relative = relativeText.toInt();
    if (relative <= 0) {
        if (!hasSymbol)
            return relativeError(QString::number(relative), relative);
        const auto start = singleRevision(label.isEmpty() ? symbol : label + u'@' + symbol);
        if (!start)
            return start.error();
        const auto w = walk(*start, relative, {}, assertRelativeLength);
        if (!w)
            return w.error();
        return QList<int>{*w};
    }
    int start = NoRevision;
    if (hasSymbol) {
        const auto s = singleRevision(symbol);
        if (!s)
            return s.error();
        start = *s;
    } else {
        const auto starts = upgradeStarts(current, label);
        if (!starts)
            return starts.error();
        if (starts->size() > 1)
            return graphError(Tr::tr("Ambiguous upgrade from multiple current revisions"));
        start = starts->first();
    }
    const auto w = walk(start, relative, label, assertRelativeLength);
    if (!w)
        return w.error();
    if (*w == NoRevision && !hasSymbol)
        return relativeError(relativeText, relative);
    return QList<int>{*w};
}

// Alembic's _get_all_current: the applied revisions' newest tips, dependencies included.
Result<QList<int>> RevisionIdentifier::allCurrent(const QList<int> &current) const
{
    QList<int> known;
    for (int c : current) {
        if (c >= 0)
            known.append(c);
    }
    const QList<char> top = m_graph.reach(known, RevisionGraph::Towards::Bases, true);
    QList<int> result;
    for (int i = 0; i < top.size(); ++i) {
        if (!top.at(i))
            continue;
        // `top` holds all ancestors of what it holds, so a newer tip shows in a child.
        bool hasNewer = false;
        for (int c : m_graph.childIndexes(i))
            hasNewer = hasNewer || top.at(c);
        if (!hasNewer)
            result.append(i);
    }
    return result;
}

// The applied revision a "-N" (or "LABEL@-N") downgrade walks down from; empty if none.
Result<QString> RevisionIdentifier::currentSymbol(const QList<int> &current,
                                                  const QString &branchLabel) const
{
    if (branchLabel.isEmpty()) {
        if (current.isEmpty() || current.first() < 0)
            return QString();
        return m_graph.idAt(current.first());
    }
    auto onBranch = filterForLineage(current, branchLabel);
    if (onBranch && onBranch->isEmpty()) {
        const auto tips = allCurrent(current);
        onBranch = tips ? filterForLineage(*tips, branchLabel) : tips;
    }
    if (!onBranch)
        return onBranch.error();
    return onBranch->size() == 1 ? m_graph.idAt(onBranch->first()) : QString();
}

Result<RevisionIdentifier::DowngradeTarget> RevisionIdentifier::parseDowngradeTarget(
    const QList<int> &current, const QString &target, bool assertRelativeLength) const
{
    const QRegularExpressionMatch m = relativePattern().match(target);
    if (!m.hasMatch()) {
        DowngradeTarget t;
        const int at = target.lastIndexOf(u'@');
        t.branchLabel = at < 0 ? QString() : target.left(at);
        const auto r = singleRevision(target.mid(at + 1));
        if (!r)
            return r.error();
        t.revision = *r;
        return t;
    }
    DowngradeTarget t;
    t.branchLabel = m.captured(1);
    QString symbol = m.captured(2);
    const bool relativeToCurrent = !m.hasCaptured(2);
    const QString relativeText = m.captured(3);
    const int relative = relativeText.toInt();
    if (relative >= 0) {
        if (relativeToCurrent)
            return relativeError(relativeText, relative);
        const auto start = singleRevision(symbol);
        if (!start)
            return start.error();
        const auto w = walk(*start, relative, t.branchLabel, assertRelativeLength);
        if (!w)
            return w.error();
        if (*w == NoRevision)
            return graphError(Tr::tr("Walked too far"));
        t.revision = *w;
        return t;
    }
    if (relativeToCurrent) {
        const auto from = currentSymbol(current, t.branchLabel);
        if (!from)
            return from.error();
        if (from->isEmpty())
            return relativeError(relativeText, relative);
        symbol = *from;
        if (t.branchLabel.isEmpty())
            t.branchLabel = symbol; // Alembic narrows the walk to that head's branch
    }
    const auto start = singleRevision(t.branchLabel.isEmpty() ? symbol
                                                              : t.branchLabel + u'@' + symbol);
    if (!start)
        return start.error();
    const auto w = walk(*start, relative, {}, assertRelativeLength);
    if (!w)
        return w.error();
    if (*w == NoRevision) {
        return relativeToCurrent ? relativeError(relativeText, relative)
                                 : graphError(Tr::tr("Walked too far"));
    }
    t.revision = *w;
    return t;
}

// Alembic's _revision_for_ident: an id or label, else a prefix of an id or label longer than
// three characters.
Result<int> RevisionIdentifier::lookup(const QString &ident, int lineageOf) const
{
    const int exact = m_graph.indexOf(ident) >= 0 ? m_graph.indexOf(ident)
                                                 : m_graph.labelIndexes().value(ident, -1);
    if (exact >= 0)
        return exact;
    QStringList keys;
    QList<int> targets;
    for (int i = 0; i < m_graph.count(); ++i) {
        const QString &id = m_graph.revisions().at(i).id;
        if (id.size() > 3 && id.startsWith(ident)) {
            keys.append(id);
            targets.append(i);
        }
    }
    for (int i = 0; i < m_graph.count(); ++i) {
        for (const QString &label : m_graph.revisions().at(i).branchLabels) {
            if (label.size() > 3 && label.startsWith(ident)) {
                keys.append(label);
                targets.append(i);
            }
        }
    }
    if (lineageOf >= 0 && !keys.isEmpty()) {
        const QList<char> related = m_graph.lineage({lineageOf}, false);
        for (int k = keys.size() - 1; k >= 0; --k) {
            if (!related.at(targets.at(k))) {
                keys.removeAt(k);
                targets.removeAt(k);
            }
        }
    }
    if (keys.isEmpty()) {
        const QString hint = ident.size() < 4
                                 ? Tr::tr("; please ensure at least four characters are present "
                                          "for partial revision identifier matches")
                                 : QString();
        return Error(Error::Kind::Graph,
                     Tr::tr("No such revision or branch '%1'%2").arg(ident, hint));
    }
    if (keys.size() > 1) {
        QStringList quoted;
        for (const QString &k : std::as_const(keys))
            quoted.append(u"'"_s + k + u"'"_s);
        return Error(Error::Kind::Graph, Tr::tr("Multiple revisions start with '%1': %2...")
                                             .arg(ident, quoted.join(u", "_s)));
    }
    return targets.first();
}

} // namespace Retort

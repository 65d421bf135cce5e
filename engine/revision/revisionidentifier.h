#pragma once

#include <engine/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

class RevisionGraph;

// Alembic's identifier grammar over a RevisionGraph (RevisionMap.get_revisions, _walk,
// _parse_upgrade_target, _parse_downgrade_target, _collect_*_revisions). Positions are graph
// indexes; NoRevision (Python's None) and Base stand where Alembic yields no revision.
class RevisionIdentifier
{
public:
    static constexpr int NoRevision = -1;
    static constexpr int Base = -2;

    explicit RevisionIdentifier(const RevisionGraph &graph);

    // get_revisions(): entries may be NoRevision or Base (from LABEL@-N walks).
    Result<QList<int>> revisions(const QString &identifier) const;
    Result<QList<int>> revisions(const QStringList &identifiers) const;
    // get_revision(): NoRevision for "base"; several revisions are a "Multiple head" error.
    Result<int> singleRevision(const QString &identifier) const;
    // Index of an id, a branch label, or a unique prefix of one longer than three characters;
    // lineageOf >= 0 narrows prefix candidates to that revision's ancestors and descendants.
    Result<int> lookup(const QString &ident, int lineageOf = -1) const;
    // _revision_for_ident with an optional branch that the revision must belong to.
    Result<int> revisionForIdent(const QString &ident, const QString &branch = {}) const;
    Result<QList<int>> filterForLineage(const QList<int> &targets, const QString &checkAgainst,
                                        bool includeDependencies = false) const;
    // _walk: steps > 0 up, < 0 down; start may be NoRevision or Base.
    Result<int> walk(int start, int steps, const QString &branchLabel, bool noOverwalk) const;

    Result<QList<int>> parseUpgradeTarget(const QList<int> &current, const QString &target,
                                          bool assertRelativeLength) const;
    struct DowngradeTarget
    {
        QString branchLabel;
        int revision = NoRevision; // NoRevision: base
    };
    Result<DowngradeTarget> parseDowngradeTarget(const QList<int> &current, const QString &target,
                                                 bool assertRelativeLength) const;
    // _get_all_current: applied revisions (with their ancestors) reduced to their tips.
    Result<QList<int>> allCurrent(const QList<int> &current) const;

    // _resolve_branch: a label or revision, else "No such branch".
    Result<int> resolveBranch(const QString &label) const;

    // Alembic's "Multiple head revisions are present ..." sentence, as an Error of its own kind.
    static QString multipleHeadsMessage(const QString &argument);
    static Error multipleHeadsError(const QString &argument);
    // Alembic's commands name their whole target (`end`) in that sentence.
    static Error namingTarget(const Error &error, const QString &end);

private:
    struct Resolved
    {
        QStringList idents; // ids or identifiers still to look up
        QString branchLabel;
    };
    Result<Resolved> resolveNumber(const QString &identifier) const;
    Result<int> currentHead(const QString &branchLabel) const;
    Result<QString> currentSymbol(const QList<int> &current, const QString &branchLabel) const;
    Result<QList<int>> upgradeStarts(const QList<int> &current, const QString &branchLabel) const;

    const RevisionGraph &m_graph;
};

} // namespace Retort

#pragma once

#include "revisionidentifier.h"

#include <engine/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

class RevisionGraph;

// The revisions between a lower and an upper identifier, as Alembic selects them for history,
// upgrade and downgrade (RevisionMap._collect_upgrade_revisions and
// _collect_downgrade_revisions), plus resolve() and history() for RevisionGraph.
class RevisionRange
{
public:
    struct Selection
    {
        QList<char> revisions; // marks, indexed like the graph
        QList<int> heads;      // where the topological walk starts
    };
    struct UpgradeOptions
    {
        bool inclusive = false;
        bool implicitBase = true;
        bool assertRelativeLength = true;
        QString lowerText;  // history's lower bound as typed, for its "LABEL@" filter
        QString notRelated; // message when lower is not below upper
    };

    explicit RevisionRange(const RevisionGraph &graph);

    Result<Selection> collectUpgrade(const QStringList &upper, const QList<int> &lower,
                                     const UpgradeOptions &options) const;
    // Fails with Alembic's "Destination X is not a valid downgrade target ..." when nothing
    // between the heads and the target can be dropped.
    Result<Selection> collectDowngrade(const QList<int> &upper, const QString &target) const;

    Result<QStringList> resolve(const QString &identifier, const QStringList &currentHeads) const;
    Result<QStringList> history(const QString &range, const QStringList &currentHeads) const;
    // Database rows to indexes; unknown ids fail.
    Result<QList<int>> indexesOf(const QStringList &ids) const;

private:
    Result<QList<char>> ancestorsChecked(const QList<int> &targets) const;
    Result<QList<int>> historyLower(const QString &lower) const;
    QStringList idsOf(const QList<int> &indexes) const;

    const RevisionGraph &m_graph;
    RevisionIdentifier m_ident;
};

} // namespace Retort

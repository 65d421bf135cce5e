#include "graphrowbuilder.h"

#include <engine/revision/revisiongraph.h>

namespace Retort::Ui {

QList<GraphRow> GraphRowBuilder::build(const RevisionGraph &graph, const QStringList &currentHeads,
                                       const QSet<QString> &edited)
{
    QSet<QString> applied;
    QList<GraphRow> rows;
    for (const QString &head : currentHeads) {
        if (!graph.revision(head)) {
            GraphRow orphan;
            orphan.id = head;
            orphan.state = GraphRow::State::Orphan;
            orphan.isCurrent = true;
            rows.append(orphan);
            continue;
        }
        applied.insert(head);
        applied.unite(graph.ancestors(head, true));
    }
    const QStringList order = graph.topologicalOrder();
    rows.reserve(rows.size() + order.size());
    for (const QString &id : order) {
        const Revision *revision = graph.revision(id);
        GraphRow row;
        row.id = id;
        row.parents = revision->parents;
        row.dependsOn = graph.dependencies(id);
        row.message = revision->message;
        row.branchLabels = revision->branchLabels;
        row.createDate = revision->createDate;
        row.filePath = revision->filePath;
        row.isHead = graph.isHead(id);
        row.isCurrent = currentHeads.contains(id);
        if (applied.contains(id)) {
            row.state = edited.contains(id) ? GraphRow::State::EditedAfterApplied
                                            : GraphRow::State::Applied;
        }
        rows.append(row);
    }
    return rows;
}

} // namespace Retort::Ui

#pragma once

#include "graphrow.h"

#include <QSet>

namespace Retort {
class RevisionGraph;
}

namespace Retort::Ui {

// Turns the engine's graph and the database's version-table rows into the rows the graph view
// shows, newest first in `alembic history` order. Pure, any thread.
class GraphRowBuilder
{
public:
    // currentHeads: the version table's rows; ids missing from the graph become orphan rows on
    // top. edited: applied revisions whose file changed since they were applied.
    static QList<GraphRow> build(const RevisionGraph &graph, const QStringList &currentHeads = {},
                                 const QSet<QString> &edited = {});
};

} // namespace Retort::Ui

#pragma once

#include "graphrow.h"

#include <engine/core/result.h>

#include <QList>
#include <QStringList>

namespace Retort::Ui {

// The GUI's relative targets made explicit before any call (issue #15): "head" with several
// heads, "+1" and "-1" from several version-table rows are ambiguous, and Alembic then guesses
// ("downgrade -1 from multiple heads is ambiguous") or refuses. The GUI offers the explicit
// choices instead. Pure, over the rows the graph shows; GUI thread.
class ExplicitTargets
{
public:
    // `rows`: the graph, newest first; `currentHeads`: the version table's rows.
    ExplicitTargets(const QList<GraphRow> &rows, const QStringList &currentHeads);

    // The graph's heads, newest first: Upgrade to Head offers each of them.
    QStringList heads() const;
    // "+1": the one revision after the database's single row (or the only base when the
    // database is empty); otherwise an error saying why there is no single next revision.
    Result<QString> nextRevision() const;
    // "-1" for one row of the version table: that row stepped back along its own branch,
    // "ROW@PARENT" (Alembic's branch-qualified target, which leaves the other rows alone; a
    // bare PARENT would also take back every other branch that starts there), or "ROW@base"
    // for a first revision. With a single row, ROW@base is plain "base". A row that no file
    // has stays relative to itself, "ROW@-1", which the engine refuses by name.
    QString stepBack(const QString &row) const;
    const QStringList &currentHeads() const { return m_current; }

private:
    const GraphRow *row(const QString &id) const;

    QList<GraphRow> m_rows;
    QStringList m_current;
};

} // namespace Retort::Ui

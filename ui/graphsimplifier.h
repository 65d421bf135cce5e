#pragma once

#include "graphrow.h"

#include <QList>

namespace Retort::Ui {

// Reduces a newest-first graph to some of its rows, as `git log --graph -- path` simplifies
// history: each kept row's parents become its nearest kept ancestors, found through the rows
// left out, so LaneLayout can lay out the reduced graph with edges. Pure, any thread; linear in
// rows and edges while the rows left out do not fan out to many kept ancestors at once.
class GraphSimplifier
{
public:
    // `kept[i]` says whether rows[i] stays. Returns the kept rows in their order; parents and
    // depends-on name kept rows only (an edge to a left-out revision continues to the kept
    // revisions below it; duplicates are dropped). Other fields are unchanged.
    static QList<GraphRow> simplify(const QList<GraphRow> &rows, const QList<bool> &kept);
};

} // namespace Retort::Ui

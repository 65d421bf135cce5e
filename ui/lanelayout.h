#pragma once

#include "graphlanes.h"
#include "graphrow.h"

#include <QList>

namespace Retort::Ui {

// Assigns lanes to a newest-first list of revisions, as `git log --graph` does: one lane per
// branch, a lane stays put while it is in use (no sideways shifts), freed lanes are reused
// lowest first. Depends-on edges get lanes of their own. Pure: O(rows x lanes).
class LaneLayout
{
public:
    static QList<GraphLanes> compute(const QList<GraphRow> &rows);
};

} // namespace Retort::Ui

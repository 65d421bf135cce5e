#pragma once

#include <QList>
#include <QMetaType>

namespace Retort::Ui {

// One line piece inside one row of the graph. A row is split at the node's centre: `Up` joins
// a lane at the row's top edge to the node, `Down` joins the node to a lane at the row's bottom
// edge, `Through` runs a lane from top to bottom without touching the node.
struct LaneSegment
{
    enum class Part { Through, Up, Down };
    Part part = Part::Through;
    int lane = 0;
    bool dependsOn = false; // a depends-on edge: painted dashed, never merged with parent edges

    bool operator==(const LaneSegment &) const = default;
};

// What the painter needs for one row: computed once by LaneLayout, never by the view.
struct GraphLanes
{
    int nodeLane = 0;
    int laneCount = 0; // lanes in use in this row (highest lane + 1), for the row's width
    QList<LaneSegment> segments;

    bool operator==(const GraphLanes &) const = default;
};

} // namespace Retort::Ui

Q_DECLARE_METATYPE(Retort::Ui::GraphLanes)

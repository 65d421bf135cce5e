#include "lanelayout.h"

#include <QHash>

namespace Retort::Ui {

namespace {

// A lane in use: the revision further down that it leads to.
struct Slot
{
    QString target;
    bool dependsOn = false;
    bool used = false;
};

class Builder
{
public:
    explicit Builder(const QList<GraphRow> &rows)
        : m_rows(rows)
    {
        for (int i = 0; i < rows.size(); ++i)
            m_index.insert(rows.at(i).id, i);
    }

    GraphLanes row(int i)
    {
        const GraphRow &node = m_rows.at(i);
        GraphLanes out;
        out.nodeLane = incoming(node.id, out);
        outgoing(i, out);
        out.laneCount = 0;
        for (const LaneSegment &s : std::as_const(out.segments))
            out.laneCount = std::max(out.laneCount, s.lane + 1);
        out.laneCount = std::max(out.laneCount, out.nodeLane + 1);
        return out;
    }

private:
    // Ends the lanes that lead to `id` and passes the others through; returns the node's lane.
    int incoming(const QString &id, GraphLanes &out)
    {
        int solidLane = -1;
        int anyLane = -1;
        for (int lane = 0; lane < m_slots.size(); ++lane) {
            Slot &slot = m_slots[lane];
            if (!slot.used)
                continue;
            if (slot.target != id) {
                out.segments.append({LaneSegment::Part::Through, lane, slot.dependsOn});
                continue;
            }
            out.segments.append({LaneSegment::Part::Up, lane, slot.dependsOn});
            if (!slot.dependsOn && solidLane < 0)
                solidLane = lane;
            if (anyLane < 0)
                anyLane = lane;
            slot = Slot{};
        }
        if (solidLane >= 0)
            return solidLane;
        if (anyLane >= 0)
            return anyLane;
        return freeLane(-1);
    }

    void outgoing(int i, GraphLanes &out)
    {
        const GraphRow &node = m_rows.at(i);
        bool first = true;
        for (const QString &parent : node.parents) {
            if (!isBelow(parent, i))
                continue;
            if (first) {
                first = false;
                occupy(out.nodeLane, parent, false);
                out.segments.append({LaneSegment::Part::Down, out.nodeLane, false});
                continue;
            }
            linkDown(parent, false, out);
        }
        for (const QString &target : node.dependsOn) {
            if (isBelow(target, i) && !node.parents.contains(target))
                linkDown(target, true, out);
        }
    }

    // An edge from the node to an existing lane of the same kind that leads to `target`, else
    // to a new lane.
    void linkDown(const QString &target, bool dependsOn, GraphLanes &out)
    {
        int lane = -1;
        for (int l = 0; l < m_slots.size() && lane < 0; ++l) {
            const Slot &slot = m_slots.at(l);
            if (slot.used && slot.target == target && slot.dependsOn == dependsOn)
                lane = l;
        }
        if (lane < 0) {
            lane = freeLane(out.nodeLane);
            occupy(lane, target, dependsOn);
        }
        const LaneSegment down{LaneSegment::Part::Down, lane, dependsOn};
        if (!out.segments.contains(down))
            out.segments.append(down);
    }

    bool isBelow(const QString &id, int row) const { return m_index.value(id, -1) > row; }

    int freeLane(int reserved)
    {
        for (int lane = 0; lane < m_slots.size(); ++lane) {
            if (!m_slots.at(lane).used && lane != reserved)
                return lane;
        }
        m_slots.append(Slot{});
        if (m_slots.size() - 1 == reserved)
            m_slots.append(Slot{});
        return m_slots.size() - 1;
    }

    void occupy(int lane, const QString &target, bool dependsOn)
    {
        while (m_slots.size() <= lane)
            m_slots.append(Slot{});
        m_slots[lane] = Slot{target, dependsOn, true};
    }

    const QList<GraphRow> &m_rows;
    QHash<QString, int> m_index;
    QList<Slot> m_slots;
};

} // namespace

QList<GraphLanes> LaneLayout::compute(const QList<GraphRow> &rows)
{
    Builder builder(rows);
    QList<GraphLanes> result;
    result.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        result.append(builder.row(i));
    return result;
}

} // namespace Retort::Ui

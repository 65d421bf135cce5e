#include "revisiongraphfilter.h"

#include "graphsimplifier.h"
#include "lanelayout.h"
#include "revisiongraphmodel.h"

#include <engine/core/retortassert.h>

namespace Retort::Ui {

namespace {

bool matches(const GraphRow &row, const QString &text)
{
    const auto contains = [&text](const QString &s) { return s.contains(text, Qt::CaseInsensitive); };
    return contains(row.id) || contains(row.message)
           || std::any_of(row.branchLabels.cbegin(), row.branchLabels.cend(), contains);
}

} // namespace

RevisionGraphFilter::RevisionGraphFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void RevisionGraphFilter::setSourceModel(QAbstractItemModel *sourceModel)
{
    if (m_graph)
        disconnect(m_graph, nullptr, this, nullptr);
    m_graph = qobject_cast<RevisionGraphModel *>(sourceModel);
    RETORT_ASSERT(m_graph || !sourceModel, return);
    // Connected before the base class connects its own handler, so that it runs first (slots
    // run in the order they were connected): the proxy's reset must see the new kept rows.
    if (m_graph)
        connect(m_graph, &QAbstractItemModel::modelReset, this, &RevisionGraphFilter::rebuild);
    rebuild();
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void RevisionGraphFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    rebuild();
    // Qt 6.4 has no begin/endFilterChange(). invalidate() is one layout change, where
    // invalidateFilter() removes and inserts each run of rows on its own: clearing a filter
    // over 10,000 rows took 25 ms that way, against next to nothing (Debug build). Persistent
    // indexes (the selection) follow either way.
    invalidate();
}

void RevisionGraphFilter::rebuild()
{
    m_kept.clear();
    m_laneIndex.clear();
    m_lanes.clear();
    m_maxLanes = 0;
    if (m_text.isEmpty() || !m_graph)
        return;
    const QList<GraphRow> &rows = m_graph->rows();
    m_kept.resize(rows.size());
    m_laneIndex.fill(-1, rows.size());
    int shown = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        m_kept[i] = matches(rows.at(i), m_text);
        if (m_kept.at(i))
            m_laneIndex[i] = shown++;
    }
    m_lanes = LaneLayout::compute(GraphSimplifier::simplify(rows, m_kept));
    for (const GraphLanes &lanes : std::as_const(m_lanes))
        m_maxLanes = std::max(m_maxLanes, lanes.laneCount);
}

int RevisionGraphFilter::maxLaneCount() const
{
    if (!isFiltering())
        return m_graph ? m_graph->maxLaneCount() : 0;
    return m_maxLanes;
}

QVariant RevisionGraphFilter::data(const QModelIndex &index, int role) const
{
    if (!isFiltering()
        || (role != RevisionGraphModel::LanesRole && role != RevisionGraphModel::NodeLaneRole
            && role != RevisionGraphModel::LaneCountRole)) {
        return QSortFilterProxyModel::data(index, role);
    }
    const int lanes = m_laneIndex.value(mapToSource(index).row(), -1);
    if (lanes < 0)
        return {};
    const GraphLanes &l = m_lanes.at(lanes);
    switch (role) {
    case RevisionGraphModel::NodeLaneRole:
        return l.nodeLane;
    case RevisionGraphModel::LaneCountRole:
        return l.laneCount;
    default:
        return QVariant::fromValue(l);
    }
}

bool RevisionGraphFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering() || sourceParent.isValid())
        return true;
    return m_kept.value(sourceRow, false);
}

} // namespace Retort::Ui

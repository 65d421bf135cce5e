#include "revisiongraphmodel.h"

#include "lanelayout.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

RevisionGraphModel::RevisionGraphModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RevisionGraphModel::setRows(const QList<GraphRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_lanes = LaneLayout::compute(m_rows);
    m_index.clear();
    m_index.reserve(m_rows.size());
    m_maxLanes = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        m_index.insert(m_rows.at(i).id, i);
        m_maxLanes = std::max(m_maxLanes, m_lanes.at(i).laneCount);
    }
    endResetModel();
}

int RevisionGraphModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RevisionGraphModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionGraphModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const GraphRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return shortId(row.id);
        case MessageColumn:
            return row.message;
        case DateColumn:
            return row.createDate.left(16); // "2026-11-24 03:00", seconds are noise here
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return toolTip(row);
    default:
        return roleData(row, index.row(), role);
    }
}

QVariant RevisionGraphModel::roleData(const GraphRow &row, int rowNumber, int role) const
{
    switch (role) {
    case IdRole:
        return row.id;
    case ParentsRole:
        return row.parents;
    case DependsOnRole:
        return row.dependsOn;
    case MessageRole:
        return row.message;
    case LabelsRole:
        return row.branchLabels;
    case CreateDateRole:
        return row.createDate;
    case FilePathRole:
        return row.filePath;
    case StateRole:
        return int(row.state);
    case IsHeadRole:
        return row.isHead;
    case IsCurrentRole:
        return row.isCurrent;
    case NodeLaneRole:
        return m_lanes.at(rowNumber).nodeLane;
    case LaneCountRole:
        return m_lanes.at(rowNumber).laneCount;
    case LanesRole:
        return QVariant::fromValue(m_lanes.at(rowNumber));
    default:
        return {};
    }
}

QString RevisionGraphModel::toolTip(const GraphRow &row) const
{
    QString text = row.id + u"\n"_s + row.message;
    if (!row.parents.isEmpty())
        text += u"\n"_s + tr("Revises: %1").arg(row.parents.join(u", "_s));
    if (!row.dependsOn.isEmpty())
        text += u"\n"_s + tr("Depends on: %1").arg(row.dependsOn.join(u", "_s));
    text += u"\n"_s + stateText(row.state);
    if (!row.filePath.isEmpty())
        text += u"\n"_s + row.filePath;
    return text;
}

QVariant RevisionGraphModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GraphColumn:
        return tr("Graph");
    case IdColumn:
        return tr("Revision");
    case MessageColumn:
        return tr("Message");
    case DateColumn:
        return tr("Created");
    default:
        return {};
    }
}

Qt::ItemFlags RevisionGraphModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QString RevisionGraphModel::shortId(const QString &id)
{
    return id.left(12);
}

QString RevisionGraphModel::stateText(GraphRow::State state)
{
    switch (state) {
    case GraphRow::State::Pending:
        return tr("Pending");
    case GraphRow::State::Applied:
        return tr("Applied");
    case GraphRow::State::EditedAfterApplied:
        return tr("Applied, file edited since");
    case GraphRow::State::Orphan:
        return tr("In the database, no file");
    case GraphRow::State::Unknown:
        return tr("Not known: the database is not reachable");
    }
    return {};
}

} // namespace Retort::Ui

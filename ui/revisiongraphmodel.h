#pragma once

#include "graphlanes.h"
#include "graphrow.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Retort::Ui {

// The revision graph as a table, newest on top. Lanes are assigned here, once per setRows(), as
// Qt Creator's gitgraphmodel does: the view only paints what LanesRole gives it.
class RevisionGraphModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { GraphColumn, IdColumn, MessageColumn, DateColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // QString, full id
        ParentsRole,               // QStringList
        DependsOnRole,             // QStringList
        MessageRole,               // QString
        LabelsRole,                // QStringList, branch labels
        CreateDateRole,            // QString
        FilePathRole,              // QString
        StateRole,                 // int, GraphRow::State
        IsHeadRole,                // bool
        IsCurrentRole,             // bool
        NodeLaneRole,              // int
        LaneCountRole,             // int, lanes used in this row
        LanesRole                  // GraphLanes
    };

    explicit RevisionGraphModel(QObject *parent = nullptr);

    // `rows` newest first (each revision before its parents).
    void setRows(const QList<GraphRow> &rows);
    const QList<GraphRow> &rows() const { return m_rows; }
    const GraphRow &graphRow(int row) const { return m_rows.at(row); }
    const GraphLanes &lanes(int row) const { return m_lanes.at(row); }
    int rowOf(const QString &id) const { return m_index.value(id, -1); }
    // The widest row's lane count: the graph column's width in lanes.
    int maxLaneCount() const { return m_maxLanes; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    static QString shortId(const QString &id);
    static QString stateText(GraphRow::State state);

private:
    QVariant roleData(const GraphRow &row, int rowNumber, int role) const;
    QString toolTip(const GraphRow &row) const;

    QList<GraphRow> m_rows;
    QList<GraphLanes> m_lanes;
    QHash<QString, int> m_index;
    int m_maxLanes = 0;
};

} // namespace Retort::Ui

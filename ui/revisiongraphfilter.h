#pragma once

#include "graphlanes.h"

#include <QSortFilterProxyModel>

namespace Retort::Ui {

class RevisionGraphModel;

// Keeps the revisions whose id, message or a branch label contains the text (case-insensitive).
// While it filters, the kept revisions are joined as `git log --graph -- path` joins them (each
// one's parents are its nearest kept ancestors, GraphSimplifier) and their lanes are laid out
// again here, once per text or source reset: the lane roles of this model describe the graph
// as shown, the source's describe the whole graph. Its source must be a RevisionGraphModel.
class RevisionGraphFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RevisionGraphFilter(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    void setText(const QString &text);
    QString text() const { return m_text; }
    bool isFiltering() const { return !m_text.isEmpty(); }
    // The widest shown row's lane count.
    int maxLaneCount() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void rebuild();

    RevisionGraphModel *m_graph = nullptr;
    QString m_text;
    // While filtering, per source row: kept or not, and its lanes' index in m_lanes (-1: none).
    QList<bool> m_kept;
    QList<int> m_laneIndex;
    QList<GraphLanes> m_lanes;
    int m_maxLanes = 0;
};

} // namespace Retort::Ui

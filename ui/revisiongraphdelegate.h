#pragma once

#include <QStyledItemDelegate>

namespace Retort::Ui {

struct GraphLanes;

// Paints one row of the revision graph from the model's roles: lanes and the node in the graph
// column, label chips and badges before the message. Does no layout of its own.
class RevisionGraphDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RevisionGraphDelegate(QObject *parent = nullptr);

    // Text of the badge on the revisions the database is at, e.g. the database's name.
    void setCurrentBadge(const QString &text) { m_currentBadge = text; }

    // Horizontal room of one lane for a row of the given height.
    static int laneWidth(int rowHeight);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintGraph(QPainter *painter, const QStyleOptionViewItem &option,
                    const QModelIndex &index) const;
    void paintEdges(QPainter *painter, const QRect &rect, const GraphLanes &lanes) const;
    void paintNode(QPainter *painter, const QRect &rect, const QModelIndex &index,
                   int lane) const;
    void paintMessage(QPainter *painter, const QStyleOptionViewItem &option,
                      const QModelIndex &index) const;
    int paintChip(QPainter *painter, const QStyleOptionViewItem &option, int x,
                  const QString &text, const QColor &fill, const QColor &textColor) const;

    QString m_currentBadge;
};

} // namespace Retort::Ui

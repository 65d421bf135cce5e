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

    // The badges before a message: their fill and text, from the view's palette.
    enum class Chip { Current, Head, Label };
    struct ChipColors
    {
        QColor fill;
        QColor text;
    };
    static ChipColors chipColors(Chip chip, const QPalette &palette);
    // The message's colour: the palette's text, red for a revision edited after it was applied.
    static QColor messageColor(bool editedAfterApplied, bool selected, const QPalette &palette);

    // Horizontal room of one lane for a row of the given height.
    static int laneWidth(int rowHeight);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintGraph(QPainter *painter, const QStyleOptionViewItem &option,
                    const QModelIndex &index) const;
    void paintEdges(QPainter *painter, const QRect &rect, const GraphLanes &lanes) const;
    void paintNode(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                   int lane) const;
    void paintMessage(QPainter *painter, const QStyleOptionViewItem &option,
                      const QModelIndex &index) const;
    int paintChip(QPainter *painter, const QStyleOptionViewItem &option, int x,
                  const QString &text, const ChipColors &colors) const;

    QString m_currentBadge;
};

} // namespace Retort::Ui

#include "revisiongraphdelegate.h"

#include "graphlanes.h"
#include "graphrow.h"
#include "revisiongraphmodel.h"
#include "themecolors.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

QColor laneColor(int lane)
{
    static const QColor colors[] = {
        QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd),
        QColor(0xff, 0x7f, 0x0e), QColor(0x17, 0xbe, 0xcf), QColor(0x8c, 0x56, 0x4b),
        QColor(0xe3, 0x77, 0xc2), QColor(0xbc, 0xbd, 0x22),
    };
    return colors[lane % int(std::size(colors))];
}

const QColor dependsOnColor(0x80, 0x80, 0x80);
const QColor editedColor(0xd6, 0x27, 0x28);

double laneX(const QRect &rect, int lane)
{
    const int w = RevisionGraphDelegate::laneWidth(rect.height());
    return rect.left() + w * lane + w / 2.0 + 2;
}

} // namespace

RevisionGraphDelegate::RevisionGraphDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_currentBadge(tr("current"))
{}

RevisionGraphDelegate::ChipColors RevisionGraphDelegate::chipColors(Chip chip, const QPalette &palette)
{
    const bool dark = ThemeColors::isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    // Strong fills with light text for the state badges; a pale (light theme) or deep (dark
    // theme) amber for labels. Text is adjusted until it reads on the fill.
    ChipColors colors;
    switch (chip) {
    case Chip::Current:
        colors.fill = dark ? QColor(0x2a, 0x6c, 0xb0) : QColor(0x1f, 0x6f, 0xb0);
        colors.text = Qt::white;
        break;
    case Chip::Head:
        colors.fill = dark ? QColor(0x2a, 0x7a, 0x2a) : QColor(0x23, 0x80, 0x23);
        colors.text = Qt::white;
        break;
    case Chip::Label:
        colors.fill = ThemeColors::tint(base, QColor(0xf0, 0xc0, 0x30), dark ? 0.35 : 0.55);
        colors.text = palette.color(QPalette::Text);
        break;
    }
    colors.text = ThemeColors::readable(colors.text, colors.fill);
    return colors;
}

QColor RevisionGraphDelegate::messageColor(bool editedAfterApplied, bool selected,
                                           const QPalette &palette)
{
    if (selected)
        return palette.color(QPalette::HighlightedText);
    const QColor base = palette.color(QPalette::Base);
    return editedAfterApplied ? ThemeColors::readable(editedColor, base)
                              : palette.color(QPalette::Text);
}

int RevisionGraphDelegate::laneWidth(int rowHeight)
{
    return std::max(10, rowHeight * 3 / 4);
}

void RevisionGraphDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    switch (index.column()) {
    case RevisionGraphModel::GraphColumn:
        paintGraph(painter, option, index);
        return;
    case RevisionGraphModel::MessageColumn:
        paintMessage(painter, option, index);
        return;
    default:
        QStyledItemDelegate::paint(painter, option, index);
    }
}

QSize RevisionGraphDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(option.fontMetrics.height() + 10);
    return size;
}

void RevisionGraphDelegate::paintGraph(QPainter *painter, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const auto lanes = index.data(RevisionGraphModel::LanesRole).value<GraphLanes>();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setClipRect(option.rect);
    paintEdges(painter, option.rect, lanes);
    paintNode(painter, option, index, lanes.nodeLane);
    painter->restore();
}

void RevisionGraphDelegate::paintEdges(QPainter *painter, const QRect &rect,
                                       const GraphLanes &lanes) const
{
    const double top = rect.top();
    const double bottom = rect.bottom() + 1;
    const double centre = rect.center().y() + 0.5;
    const double nodeX = laneX(rect, lanes.nodeLane);
    const qreal width = std::max(1.5, rect.height() / 12.0);
    for (const LaneSegment &s : lanes.segments) {
        QPen pen(s.dependsOn ? dependsOnColor : laneColor(s.lane), width);
        if (s.dependsOn)
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        const double x = laneX(rect, s.lane);
        QPainterPath path;
        switch (s.part) {
        case LaneSegment::Part::Through:
            path.moveTo(x, top);
            path.lineTo(x, bottom);
            break;
        case LaneSegment::Part::Up:
            path.moveTo(x, top);
            path.cubicTo(x, (top + centre) / 2, nodeX, (top + centre) / 2, nodeX, centre);
            break;
        case LaneSegment::Part::Down:
            path.moveTo(nodeX, centre);
            path.cubicTo(nodeX, (centre + bottom) / 2, x, (centre + bottom) / 2, x, bottom);
            break;
        }
        painter->drawPath(path);
    }
}

void RevisionGraphDelegate::paintNode(QPainter *painter, const QStyleOptionViewItem &option,
                                      const QModelIndex &index, int lane) const
{
    const QRect &rect = option.rect;
    const auto state = GraphRow::State(index.data(RevisionGraphModel::StateRole).toInt());
    const QPointF centre(laneX(rect, lane), rect.center().y() + 0.5);
    const double radius = std::max(3.5, rect.height() * 0.2);
    const QColor color = state == GraphRow::State::EditedAfterApplied ? editedColor
                         : state == GraphRow::State::Orphan
                                 || state == GraphRow::State::Unknown ? dependsOnColor
                                                                      : laneColor(lane);
    const bool filled = state == GraphRow::State::Applied
                        || state == GraphRow::State::EditedAfterApplied;
    // On the selection's highlight the lane colour may be the highlight's own: the node is
    // drawn in the highlighted text's colour there, still filled when applied and hollow
    // (the highlight showing through) when pending. Unselected, hollow shows the base.
    const bool selected = option.state & QStyle::State_Selected;
    const QColor ink = selected ? option.palette.color(QPalette::HighlightedText) : color;
    const QColor hollow = option.palette.color(selected ? QPalette::Highlight : QPalette::Base);
    QPen pen(ink, std::max(1.5, rect.height() / 12.0));
    if (state == GraphRow::State::Orphan || state == GraphRow::State::Unknown)
        pen.setStyle(Qt::DotLine);
    painter->setPen(pen);
    // Unknown: neither filled (applied) nor hollow (pending), a half-tone.
    painter->setBrush(filled ? QBrush(ink)
                      : state == GraphRow::State::Unknown ? QBrush(ink, Qt::Dense4Pattern)
                                                          : QBrush(hollow));
    painter->drawEllipse(centre, radius, radius);
    if (index.data(RevisionGraphModel::IsCurrentRole).toBool()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(ink, 1.2));
        painter->drawEllipse(centre, radius + 2.5, radius + 2.5);
    }
}

void RevisionGraphDelegate::paintMessage(QPainter *painter, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString message = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    int x = option.rect.left() + 4;
    if (index.data(RevisionGraphModel::IsCurrentRole).toBool())
        x = paintChip(painter, option, x, m_currentBadge, chipColors(Chip::Current, option.palette));
    if (index.data(RevisionGraphModel::IsHeadRole).toBool())
        x = paintChip(painter, option, x, tr("head"), chipColors(Chip::Head, option.palette));
    const QStringList labels = index.data(RevisionGraphModel::LabelsRole).toStringList();
    for (const QString &label : labels)
        x = paintChip(painter, option, x, label, chipColors(Chip::Label, option.palette));

    const bool selected = option.state & QStyle::State_Selected;
    const auto state = GraphRow::State(index.data(RevisionGraphModel::StateRole).toInt());
    painter->setPen(messageColor(state == GraphRow::State::EditedAfterApplied, selected,
                                 option.palette));
    const QRect textRect(x, option.rect.top(), option.rect.right() - x - 4, option.rect.height());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      option.fontMetrics.elidedText(message, Qt::ElideRight, textRect.width()));
    painter->restore();
}

// Draws a rounded chip at x; returns the x after it.
int RevisionGraphDelegate::paintChip(QPainter *painter, const QStyleOptionViewItem &option, int x,
                                     const QString &text, const ChipColors &colors) const
{
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics fm(font);
    const int h = fm.height() + 2;
    const int w = fm.horizontalAdvance(text) + 10;
    const QRect chip(x, option.rect.center().y() - h / 2, w, h);
    painter->setPen(colors.fill.darker(130));
    painter->setBrush(colors.fill);
    painter->drawRoundedRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), h / 2.5, h / 2.5);
    painter->setFont(font);
    painter->setPen(colors.text);
    painter->drawText(chip, Qt::AlignCenter, text);
    painter->setFont(option.font);
    return x + w + 4;
}

} // namespace Retort::Ui

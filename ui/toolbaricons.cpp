#include "toolbaricons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Retort::Ui {

namespace {

const QColor upColor(0x2c, 0x8a, 0x2c);
const QColor downColor(0xc0, 0x5a, 0x10);
const QColor inkColor(0x3a, 0x4a, 0x5c);

// An arrow on a 24x24 grid, pointing up (dir = -1) or down (dir = 1), its tip at y = tipY.
void arrow(QPainter &p, double tipY, int dir, const QColor &color)
{
    p.setPen(QPen(color, 2.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawLine(QPointF(12, tipY), QPointF(12, tipY - dir * 12));
    QPainterPath head;
    head.moveTo(5, tipY - dir * 7);
    head.lineTo(12, tipY);
    head.lineTo(19, tipY - dir * 7);
    p.drawPath(head);
}

void bar(QPainter &p, double y, const QColor &color)
{
    p.setPen(QPen(color, 2.6, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(4, y), QPointF(20, y));
}

void node(QPainter &p, QPointF at, bool filled, const QColor &color)
{
    p.setPen(QPen(color, 2));
    p.setBrush(filled ? QBrush(color) : QBrush(Qt::white));
    p.drawEllipse(at, 3.5, 3.5);
}

void paint(QPainter &p, ToolbarIcons::Kind kind)
{
    using Kind = ToolbarIcons::Kind;
    switch (kind) {
    case Kind::UpgradeHead:
        bar(p, 3, upColor);
        arrow(p, 7, -1, upColor);
        break;
    case Kind::UpgradeOne:
        arrow(p, 4, -1, upColor);
        break;
    case Kind::DowngradeOne:
        arrow(p, 20, 1, downColor);
        break;
    case Kind::DowngradeBase:
        bar(p, 21, downColor);
        arrow(p, 17, 1, downColor);
        break;
    case Kind::Refresh: {
        p.setPen(QPen(inkColor, 2.4, Qt::SolidLine, Qt::RoundCap));
        p.drawArc(QRectF(4.5, 4.5, 15, 15), 60 * 16, 290 * 16);
        QPainterPath head;
        head.moveTo(13, 2.5);
        head.lineTo(17.5, 5.8);
        head.lineTo(13.5, 9.5);
        p.drawPath(head);
        break;
    }
    case Kind::NewRevision:
        p.setPen(QPen(inkColor, 2));
        p.drawLine(QPointF(9, 13), QPointF(9, 22));
        node(p, QPointF(9, 9), false, inkColor);
        p.setPen(QPen(upColor, 2.4, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(18, 2), QPointF(18, 10));
        p.drawLine(QPointF(14, 6), QPointF(22, 6));
        break;
    case Kind::Merge:
        p.setPen(QPen(inkColor, 2));
        p.drawLine(QPointF(6, 20), QPointF(12, 6));
        p.drawLine(QPointF(18, 20), QPointF(12, 6));
        node(p, QPointF(6, 19), true, inkColor);
        node(p, QPointF(18, 19), true, inkColor);
        node(p, QPointF(12, 5.5), false, inkColor);
        break;
    case Kind::Stamp:
        p.setPen(QPen(inkColor, 2));
        p.setBrush(inkColor);
        p.drawRoundedRect(QRectF(9, 3, 6, 9), 2, 2);
        p.drawRect(QRectF(4, 13, 16, 4));
        p.drawLine(QPointF(4, 21), QPointF(20, 21));
        break;
    case Kind::ShowSql:
        p.setPen(QPen(inkColor, 1.6));
        p.setBrush(Qt::white);
        p.drawRect(QRectF(4, 2.5, 16, 19));
        for (double y : {7.0, 11.0, 15.0})
            p.drawLine(QPointF(7, y), QPointF(y == 15.0 ? 13 : 17, y));
        break;
    }
}

} // namespace

QIcon ToolbarIcons::icon(Kind kind)
{
    QIcon icon;
    for (const int scale : {1, 2}) {
        QPixmap pixmap(24 * scale, 24 * scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(scale, scale);
        paint(painter, kind);
        painter.end();
        pixmap.setDevicePixelRatio(scale);
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace Retort::Ui

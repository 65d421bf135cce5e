#include "operationicons.h"

#include <QPainter>
#include <QPixmap>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

enum class Kind { Add, Drop, Alter, Rename, Raw };

Kind kindOf(const Ops::Operation &op)
{
    return std::visit(
        [](const auto &o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, Ops::CreateTable> || std::is_same_v<T, Ops::AddColumn>
                          || std::is_same_v<T, Ops::CreateIndex>
                          || std::is_same_v<T, Ops::AddUniqueConstraint>
                          || std::is_same_v<T, Ops::AddCheckConstraint>
                          || std::is_same_v<T, Ops::AddForeignKey>
                          || std::is_same_v<T, Ops::CreateView> || std::is_same_v<T, Ops::CreateEnum>
                          || std::is_same_v<T, Ops::AddEnumValue>)
                return Kind::Add;
            else if constexpr (std::is_same_v<T, Ops::DropTable> || std::is_same_v<T, Ops::DropColumn>
                               || std::is_same_v<T, Ops::DropIndex>
                               || std::is_same_v<T, Ops::DropUniqueConstraint>
                               || std::is_same_v<T, Ops::DropCheckConstraint>
                               || std::is_same_v<T, Ops::DropForeignKey>
                               || std::is_same_v<T, Ops::DropView> || std::is_same_v<T, Ops::DropEnum>
                               || std::is_same_v<T, Ops::DropEnumValue>)
                return Kind::Drop;
            else if constexpr (std::is_same_v<T, Ops::RenameTable>
                               || std::is_same_v<T, Ops::RenameColumn>)
                return Kind::Rename;
            else if constexpr (std::is_same_v<T, Ops::ExecuteSql>)
                return Kind::Raw;
            else
                return Kind::Alter;
        },
        op);
}

} // namespace

QIcon OperationIcons::badge(QChar glyph, const QColor &color)
{
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        const qreal margin = size / 16.0;
        painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin),
                                size / 4.0, size / 4.0);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(size * 0.8));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(QRect(0, 0, size, size), Qt::AlignCenter, QString(glyph));
        icon.addPixmap(pixmap);
    }
    return icon;
}

QIcon OperationIcons::forAlembicKind(const QString &kind)
{
    if (kind.startsWith(u"add_") || kind.startsWith(u"create_"))
        return badge(u'+', QColor(0x2e, 0x8b, 0x3e));
    if (kind.startsWith(u"drop_"))
        return badge(QChar(0x2212), QColor(0xc6, 0x28, 0x28));
    if (kind.startsWith(u"rename_"))
        return badge(u'>', QColor(0x1e, 0x63, 0xb8));
    return badge(u'~', QColor(0xd0, 0x8a, 0x00));
}

QIcon OperationIcons::forOperation(const Ops::Operation &op)
{
    switch (kindOf(op)) {
    case Kind::Add:
        return badge(u'+', QColor(0x2e, 0x8b, 0x3e));
    case Kind::Drop:
        return badge(QChar(0x2212), QColor(0xc6, 0x28, 0x28));
    case Kind::Alter:
        return badge(u'~', QColor(0xd0, 0x8a, 0x00));
    case Kind::Rename:
        return badge(QChar(0x2192), QColor(0x1e, 0x63, 0xb8));
    case Kind::Raw:
        break;
    }
    return badge(u'!', QColor(0x70, 0x70, 0x70));
}

QIcon OperationIcons::table()
{
    return badge(u'T', QColor(0x55, 0x5f, 0x6e));
}

QIcon OperationIcons::suggestion()
{
    return badge(u'?', QColor(0x1e, 0x63, 0xb8));
}

QIcon OperationIcons::error()
{
    return badge(u'!', QColor(0xc6, 0x28, 0x28));
}

QString OperationIcons::text(const Ops::Operation &op)
{
    QStringList lines = Ops::describe(op).split(u'\n', Qt::SkipEmptyParts);
    for (QString &line : lines) {
        if (line.startsWith(u"Detected "_s))
            line = line.mid(9);
        if (!line.isEmpty())
            line[0] = line[0].toUpper();
    }
    return lines.join(u"; "_s);
}

} // namespace Retort::Ui

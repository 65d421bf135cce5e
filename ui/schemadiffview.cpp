#include "schemadiffview.h"

#include "themecolors.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

QStringList linesOf(const QString &text)
{
    if (text.isEmpty())
        return {};
    QString trimmed = text;
    while (trimmed.endsWith(u'\n'))
        trimmed.chop(1);
    return trimmed.split(u'\n');
}

QTextEdit::ExtraSelection lineSelection(QPlainTextEdit *edit, int line, const QColor &color)
{
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(edit->document()->findBlockByNumber(line));
    selection.format.setBackground(color);
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    return selection;
}

} // namespace

SchemaDiffView::SchemaDiffView(QWidget *parent)
    : QWidget(parent)
    , m_before(makeSide())
    , m_after(makeSide())
    , m_summary(new QLabel(this))
{
    setObjectName(u"schemaDiffView"_s);
    m_before->setObjectName(u"schemaBefore"_s);
    m_after->setObjectName(u"schemaAfter"_s);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(new QLabel(tr("<b>Database now</b>"), this), 0, 0);
    layout->addWidget(new QLabel(tr("<b>After the ticked changes</b>"), this), 0, 1);
    layout->addWidget(m_before, 1, 0);
    layout->addWidget(m_after, 1, 1);
    layout->addWidget(m_summary, 2, 0, 1, 2);
    // One scroll position for both sides: rows are aligned.
    connect(m_before->verticalScrollBar(), &QScrollBar::valueChanged,
            m_after->verticalScrollBar(), &QScrollBar::setValue);
    connect(m_after->verticalScrollBar(), &QScrollBar::valueChanged,
            m_before->verticalScrollBar(), &QScrollBar::setValue);
}

QPlainTextEdit *SchemaDiffView::makeSide()
{
    auto *edit = new QPlainTextEdit(this);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

void SchemaDiffView::setSections(const QList<Section> &sections)
{
    QStringList left;
    QStringList right;
    QList<LineDiff::Kind> kinds;
    QList<bool> present; // per row: left present, right present (two entries)
    m_sections = sections;
    m_changed = 0;
    for (const Section &section : sections) {
        if (!left.isEmpty()) {
            left.append(QString());
            right.append(QString());
            kinds.append(LineDiff::Kind::Same);
            present << true << true;
        }
        const QString header = u"-- %1"_s.arg(section.table);
        left.append(header);
        right.append(header);
        kinds.append(LineDiff::Kind::Same);
        present << true << true;
        const QList<LineDiff::Row> rows = LineDiff::sideBySide(linesOf(section.before),
                                                               linesOf(section.after));
        for (const LineDiff::Row &row : rows) {
            left.append(row.left);
            right.append(row.right);
            kinds.append(row.kind);
            present << row.hasLeft << row.hasRight;
            if (row.kind != LineDiff::Kind::Same)
                ++m_changed;
        }
    }
    m_before->setPlainText(left.join(u'\n'));
    m_after->setPlainText(right.join(u'\n'));
    highlight(kinds, present);
    m_summary->setText(sections.isEmpty()
                           ? tr("No table changes are ticked.")
                           : tr("%n table(s), %1 changed line(s)", nullptr, int(sections.size()))
                                 .arg(m_changed));
}

void SchemaDiffView::highlight(const QList<LineDiff::Kind> &kinds, const QList<bool> &present)
{
    // Tints of the base: the palette's text stays readable on them in a light or dark theme.
    const QPalette pal = m_before->palette();
    const QColor base = pal.color(QPalette::Base);
    const double amount = ThemeColors::isDark(pal) ? 0.28 : 0.22;
    const QColor removed = ThemeColors::tint(base, QColor(0xe0, 0x30, 0x30), amount);
    const QColor added = ThemeColors::tint(base, QColor(0x30, 0xb0, 0x30), amount);
    const QColor changedLeft = ThemeColors::tint(base, QColor(0xf0, 0x90, 0x10), amount);
    const QColor changedRight = ThemeColors::tint(base, QColor(0x30, 0x80, 0xe0), amount);
    const QColor filler = ThemeColors::tint(base, pal.color(QPalette::Text), 0.08);
    QList<QTextEdit::ExtraSelection> left;
    QList<QTextEdit::ExtraSelection> right;
    for (int i = 0; i < kinds.size(); ++i) {
        const LineDiff::Kind kind = kinds.at(i);
        if (kind == LineDiff::Kind::Same)
            continue;
        const bool hasLeft = present.at(2 * i);
        const bool hasRight = present.at(2 * i + 1);
        left.append(lineSelection(m_before, i,
                                  !hasLeft ? filler
                                           : (kind == LineDiff::Kind::Changed ? changedLeft : removed)));
        right.append(lineSelection(m_after, i,
                                   !hasRight ? filler
                                             : (kind == LineDiff::Kind::Changed ? changedRight
                                                                                : added)));
    }
    m_before->setExtraSelections(left);
    m_after->setExtraSelections(right);
}

QString SchemaDiffView::beforeText() const
{
    return m_before->toPlainText();
}

QString SchemaDiffView::afterText() const
{
    return m_after->toPlainText();
}

} // namespace Retort::Ui

#include "findbar.h"

#include "themecolors.h"

#include <Qsci/qsciscintilla.h>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

FindBar::FindBar(QsciScintilla *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_edit(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    m_edit->setPlaceholderText(tr("Find"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    auto *previous = new QToolButton(this);
    previous->setText(tr("Previous"));
    auto *next = new QToolButton(this);
    next->setText(tr("Next"));
    auto *closeButton = new QToolButton(this);
    closeButton->setText(u"\u00d7"_s);
    closeButton->setToolTip(tr("Close (Esc)"));
    closeButton->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(new QLabel(tr("Find:"), this));
    layout->addWidget(m_edit, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addWidget(closeButton);

    connect(previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
    connect(m_edit, &QLineEdit::textEdited, this, [this] { find(true, true); });
    hide();
}

void FindBar::open()
{
    if (m_editor->hasSelectedText() && !m_editor->selectedText().contains(u'\n'))
        m_edit->setText(m_editor->selectedText());
    setNotFound(false);
    show();
    m_edit->setFocus();
    m_edit->selectAll();
}

void FindBar::close()
{
    hide();
    m_editor->setFocus();
}

bool FindBar::findNext()
{
    return find(true, false);
}

bool FindBar::findPrevious()
{
    return find(false, false);
}

bool FindBar::find(bool forward, bool fromSelectionStart)
{
    const QString text = m_edit->text();
    if (text.isEmpty()) {
        setNotFound(false);
        return false;
    }
    // -1, -1: from the cursor, which sits at the end of the current match. Backwards, and
    // while typing, start at the match's beginning instead, so that it is found again.
    int line = -1;
    int index = -1;
    if (m_editor->hasSelectedText() && (fromSelectionStart || !forward)) {
        int lineTo = 0;
        int indexTo = 0;
        m_editor->getSelection(&line, &index, &lineTo, &indexTo);
    }
    const bool found = m_editor->findFirst(text, false, false, false, true, forward, line, index);
    setNotFound(!found);
    return found;
}

void FindBar::setNotFound(bool notFound)
{
    m_status->setText(notFound ? tr("Not found") : QString());
    // A red tint of the palette's base, not a fixed pink: readable in a dark theme too.
    QPalette pal = palette();
    if (notFound) {
        const QColor back = ThemeColors::tint(pal.color(QPalette::Base), QColor(0xe0, 0x30, 0x30),
                                              ThemeColors::isDark(pal) ? 0.3 : 0.18);
        pal.setColor(QPalette::Base, back);
        pal.setColor(QPalette::Text, ThemeColors::readable(pal.color(QPalette::Text), back));
    }
    m_edit->setPalette(pal);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Retort::Ui

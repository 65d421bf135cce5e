#include "lexertheme.h"

#include "themecolors.h"

#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>

#include <QEvent>

namespace Retort::Ui {

LexerTheme::LexerTheme(QsciScintilla *edit, int highlightMarker)
    : QObject(edit)
    , m_edit(edit)
    , m_highlightMarker(highlightMarker)
{}

LexerTheme *LexerTheme::follow(QsciScintilla *edit, int highlightMarker)
{
    auto *theme = new LexerTheme(edit, highlightMarker);
    edit->installEventFilter(theme);
    theme->applyAll();
    return theme;
}

bool LexerTheme::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::PaletteChange)
        applyAll();
    return QObject::eventFilter(watched, event);
}

void LexerTheme::applyAll()
{
    if (m_edit->lexer())
        apply(m_edit, m_edit->lexer());
    if (m_highlightMarker >= 0) {
        const QPalette pal = m_edit->palette();
        m_edit->setMarkerBackgroundColor(
            ThemeColors::tint(pal.color(QPalette::Base), QColor(0xf0, 0xc0, 0x30),
                              ThemeColors::isDark(pal) ? 0.3 : 0.35),
            m_highlightMarker);
    }
}

void LexerTheme::apply(QsciScintilla *edit, QsciLexer *lexer)
{
    const QPalette pal = edit->palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    lexer->setDefaultPaper(base);
    lexer->setDefaultColor(text);
    lexer->setPaper(base, -1);
    for (int style = 0; style < 128; ++style) {
        if (lexer->description(style).isEmpty())
            continue;
        const QColor wanted = style == 0 ? text : lexer->defaultColor(style);
        lexer->setColor(ThemeColors::readable(wanted, base), style);
    }
    const QColor margin = pal.color(QPalette::Window);
    edit->setMarginsBackgroundColor(margin);
    edit->setMarginsForegroundColor(ThemeColors::readable(pal.color(QPalette::WindowText), margin));
    edit->setFoldMarginColors(margin, margin);
    edit->setCaretForegroundColor(text);
    edit->setCaretLineBackgroundColor(ThemeColors::tint(base, pal.color(QPalette::Highlight), 0.08));
    edit->setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    edit->setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    const QColor brace = ThemeColors::tint(base, pal.color(QPalette::Highlight), 0.3);
    edit->setMatchedBraceBackgroundColor(brace);
    edit->setMatchedBraceForegroundColor(ThemeColors::readable(text, brace));
    const QColor badBrace = ThemeColors::tint(base, QColor(0xd6, 0x27, 0x28), 0.3);
    edit->setUnmatchedBraceBackgroundColor(badBrace);
    edit->setUnmatchedBraceForegroundColor(ThemeColors::readable(text, badBrace));
    edit->recolor();
}

} // namespace Retort::Ui

#pragma once

#include <QObject>

class QsciLexer;
class QsciScintilla;

namespace Retort::Ui {

// Keeps a QScintilla editor's lexer colours, margins and selection readable under its palette:
// the lexers' colours are made for white paper, so each style keeps its hue on the palette's
// base, made lighter or darker until it reaches 4.5:1. Applied at once and on every palette
// change; the object is a child of the editor.
class LexerTheme : public QObject
{
    Q_OBJECT
public:
    // `highlightMarker`: a Background marker given a pale (light theme) or deep (dark) amber.
    static LexerTheme *follow(QsciScintilla *edit, int highlightMarker = -1);

    // The colours for `lexer` (need not be the one in use) and the editor's own styles.
    static void apply(QsciScintilla *edit, QsciLexer *lexer);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    LexerTheme(QsciScintilla *edit, int highlightMarker);
    void applyAll();

    QsciScintilla *m_edit = nullptr;
    int m_highlightMarker = -1;
};

} // namespace Retort::Ui

#include "previeweditor.h"

#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

// QScintilla's lexers come with colours for a white page. On a dark palette the page takes the
// palette's base and each colour its mirror in lightness (black text turns white, navy keywords
// light blue), so that the hue still tells a keyword from a string.
void followPalette(QsciScintilla *edit, QsciLexer *lexer)
{
    const QPalette palette = edit->palette();
    if (!PreviewEditor::isDark(edit))
        return;
    const QColor base = palette.color(QPalette::Base);
    lexer->setDefaultPaper(base);
    lexer->setPaper(base);
    lexer->setDefaultColor(palette.color(QPalette::Text));
    for (int style = 0; style < 128; ++style) {
        if (lexer->description(style).isEmpty())
            continue;
        const QColor c = lexer->defaultColor(style);
        const int lightness = c.lightness() < 128 ? 255 - c.lightness() * 2 / 3 : c.lightness();
        lexer->setColor(QColor::fromHsl(c.hslHue(), c.hslSaturation(), lightness), style);
    }
    edit->setMarginsBackgroundColor(palette.color(QPalette::Window));
    edit->setMarginsForegroundColor(palette.color(QPalette::PlaceholderText));
    edit->setCaretForegroundColor(palette.color(QPalette::Text));
}

} // namespace

bool PreviewEditor::isDark(const QWidget *widget)
{
    return widget->palette().color(QPalette::Base).lightness() < 128;
}

QsciScintilla *PreviewEditor::create(QWidget *parent, const QString &objectName, Language language)
{
    auto *edit = new QsciScintilla(parent);
    edit->setObjectName(objectName);
    QsciLexer *lexer = language == Language::Python
                           ? static_cast<QsciLexer *>(new QsciLexerPython(edit))
                           : static_cast<QsciLexer *>(new QsciLexerSQL(edit));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    edit->setLexer(lexer);
    edit->setReadOnly(true);
    edit->setMarginType(0, QsciScintilla::NumberMargin);
    edit->setMarginLineNumbers(0, true);
    edit->setMarginsFont(mono);
    edit->setMarginWidth(0, u"000"_s);
    edit->setMarginWidth(1, 0);
    followPalette(edit, lexer);
    edit->markerDefine(QsciScintilla::Background, highlightMarker);
    edit->setMarkerBackgroundColor(isDark(edit) ? QColor(0x5a, 0x4b, 0x12)
                                                : QColor(0xff, 0xf1, 0xa8),
                                   highlightMarker);
    return edit;
}

void PreviewEditor::setText(QsciScintilla *edit, const QString &text)
{
    edit->setReadOnly(false);
    edit->setText(text);
    edit->setReadOnly(true);
}

} // namespace Retort::Ui

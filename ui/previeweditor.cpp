#include "previeweditor.h"

#include "lexertheme.h"

#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

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
    edit->markerDefine(QsciScintilla::Background, highlightMarker);
    // Every colour from the palette, checked for contrast by tst_theme; follows palette changes.
    LexerTheme::follow(edit, highlightMarker);
    return edit;
}

void PreviewEditor::setText(QsciScintilla *edit, const QString &text)
{
    edit->setReadOnly(false);
    edit->setText(text);
    edit->setReadOnly(true);
}

} // namespace Retort::Ui

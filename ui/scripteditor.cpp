#include "scripteditor.h"

#include <Qsci/qscilexersql.h>

namespace Retort::Ui {

ScriptEditor::ScriptEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    setLexer(new QsciLexerSQL(this));
    setMarginLineNumbers(0, true);
    setMarginWidth(0, QStringLiteral("00000"));
    setFolding(QsciScintilla::BoxedTreeFoldStyle);
}

} // namespace Retort::Ui

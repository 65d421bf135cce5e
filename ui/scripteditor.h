#pragma once

#include <Qsci/qsciscintilla.h>

namespace Retort::Ui {

// QScintilla SQL editor for one revision file.
class ScriptEditor : public QsciScintilla
{
    Q_OBJECT
public:
    explicit ScriptEditor(QWidget *parent = nullptr);
};

} // namespace Retort::Ui

#include "mainwindow.h"

#include "scripteditor.h"

namespace Retort::Ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_editor(new ScriptEditor(this))
{
    setCentralWidget(m_editor);
}

} // namespace Retort::Ui

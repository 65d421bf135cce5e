#pragma once

#include <QMainWindow>

namespace Retort::Ui {

class ScriptEditor;

// The project window.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    ScriptEditor *m_editor = nullptr;
};

} // namespace Retort::Ui

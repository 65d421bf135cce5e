#pragma once

#include <engine/alembic/pythonlocator.h>

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Retort::Ui {

// Project > Python...: an Alembic project's interpreter, command prefix and path map (stored by
// ProjectPythonSettings). Says which Python wins when several are possible, and refuses a path
// map line it cannot read, naming it.
class PythonDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PythonDialog(const PythonLocator::Options &options, QWidget *parent = nullptr);

    // The edited options (iniPath unchanged).
    PythonLocator::Options options() const;

    QLineEdit *interpreterEdit() const { return m_interpreter; }
    QLineEdit *prefixEdit() const { return m_prefix; }
    QPlainTextEdit *pathMapEdit() const { return m_pathMap; }
    QString problem() const; // empty when the input is usable

private:
    void validate();
    void browse();

    PythonLocator::Options m_options;
    QLineEdit *m_interpreter = nullptr;
    QLineEdit *m_prefix = nullptr;
    QPlainTextEdit *m_pathMap = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Retort::Ui

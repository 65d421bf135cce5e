#pragma once

#include <engine/core/sqldialect.h>

#include <QDialog>

namespace Retort::Ui {

class ScriptEditor;

// Shows an offline SQL script (Show SQL) read-only, with Copy and Save As.
class SqlPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    SqlPreviewDialog(const QString &title, const QString &sql, SqlDialect dialect,
                     QWidget *parent = nullptr);

    ScriptEditor *editor() const { return m_editor; }

private:
    void saveAs();

    ScriptEditor *m_editor = nullptr;
};

} // namespace Retort::Ui

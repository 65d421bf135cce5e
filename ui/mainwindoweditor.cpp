// MainWindow's Edit menu and the guards that keep the editor's work: the menu holds the
// editor's own actions (one shortcut each, no ambiguity), a saved file stays selected after the
// reload its save causes, and a load error in the open file is marked in it.
#include "mainwindow.h"

#include "revisiongraphmodel.h"
#include "revisiongraphview.h"
#include "scripteditor.h"
#include "workspacecontroller.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(u"editMenu"_s);
    for (QAction *action : m_editor->editActions()) {
        const QString name = action->objectName();
        if (name == u"editCut"_s || name == u"editFind"_s || name == u"editSave"_s)
            edit->addSeparator();
        edit->addAction(action);
    }
}

void MainWindow::connectEditor()
{
    // The save makes the versions watcher reload the project: select the saved file again then,
    // also when it failed to load before (a fixed malformed file).
    connect(m_editor, &ScriptEditor::saved, this, [this](const QString &path) {
        m_pendingSelection = path;
    });
    connect(m_controller, &WorkspaceController::projectFailed, this, [this](const Error &error) {
        if (!error.file.isEmpty() && error.file == m_editor->filePath() && error.line > 0)
            m_editor->showError(error.line, error.message);
    });
}

// Switching away was refused (unsaved edits kept): the graph selects the edited file again.
void MainWindow::reselectEditedRevision()
{
    const QString path = m_editor->filePath();
    for (const GraphRow &row : m_graph->model()->rows()) {
        if (row.filePath == path && !path.isEmpty()) {
            m_graph->selectRevision(row.id);
            return;
        }
    }
}

} // namespace Retort::Ui

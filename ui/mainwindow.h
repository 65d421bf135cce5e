#pragma once

#include "projectsnapshot.h"
#include "runoutcome.h"

#include <QMainWindow>

class QComboBox;
class QDockWidget;
class QLabel;
class QFileSystemWatcher;
class QMenu;
class QTimer;
class QToolBar;

namespace Retort::Ui {

class DatabaseList;
class HeadsBanner;
class OutputPane;
class PendingChangesPanel;
class RevisionGraphView;
class ScriptEditor;
class WorkspaceController;

// The project window: revision graph on the left, the selected revision's file in the centre,
// output below. Every engine call goes through WorkspaceController; this class only wires.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // A project folder or retort.ini; loads in the background (projectOpened follows).
    void openProject(const QString &location);
    // The most recently opened project, if any; false when there is none.
    bool openMostRecent();
    // File > New Project once its folder is chosen: writes a new project there (`retort init`)
    // and opens it; a refusal shows in a message box (objectName "newProjectError").
    void createProject(const QString &dir);

    WorkspaceController *controller() const { return m_controller; }
    RevisionGraphView *graphView() const { return m_graph; }
    ScriptEditor *editor() const { return m_editor; }
    OutputPane *output() const { return m_output; }
    PendingChangesPanel *pendingPanel() const { return m_pending; }
    QComboBox *databaseCombo() const { return m_databaseCombo; }
    QString statusUrlText() const;
    QString statusCurrentText() const;
    QString statusPendingText() const;
    // The last unfinished run in words ("2 of 5 applied; stopped at ..."), empty after a
    // successful one.
    QString outcomeText() const { return m_outcomeText; }
    // An Alembic project's Python ("Python 3.11.2 · Alembic 1.8.1" or why there is none); the
    // tooltip has the whole text. Empty for other projects.
    QString statusPythonText() const;
    QString statusPythonToolTip() const;
    QAction *action(const QString &objectName) const; // for tests

    static QStringList recentProjects();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createEditMenu();        // mainwindoweditor.cpp
    void connectEditor();         // mainwindoweditor.cpp
    void reselectEditedRevision(); // mainwindoweditor.cpp
    void createToolBar();
    void createDocks();
    void createStatusBar();
    void createHeadsBanner();
    void connectController();
    void watchVersions(const QString &dir);
    void watchSchema(const Config &config); // the models files: re-compare on change
    QAction *addAction(QMenu *menu, const QString &name, const QString &text,
                       void (MainWindow::*slot)(), const QKeySequence &shortcut = {});

    void onProjectOpened(const ProjectSnapshot &snapshot);
    void onProjectFailed(const Error &error);
    void onCurrentRevisionChanged(const QString &id);
    void onSelectionChanged();
    void showContextMenu(const QPoint &globalPos, const QStringList &ids);
    void openLocation(const QString &file, int line, const QString &message);
    void updateActions();
    void updateEditorReadOnly();
    void updateStatusBar();
    // The Pending changes tab's title: a count only when the database is at head.
    void updatePendingTitle();
    // After the reload that follows a failed or cancelled run: what it did, in words.
    void reportOutcome();
    void updateRecentMenu();
    void fillDatabaseCombo();
    void onDatabaseChosen(int index);
    bool maybeSaveEditor();
    QString databaseName() const;
    QStringList selectedHeads() const;
    // `label@head` for each head whose branch (down to its first merge or fork) carries a
    // label no other head's branch does: the upgrade menu's per-branch targets.
    QStringList branchTargets(const QStringList &heads) const;

    void newProject();
    void openProjectDialog();
    void editDatabases();
    void refresh();
    void upgradeHead();
    void upgradeOne();
    void downgradeOne();
    void downgradeBase();
    void upgradeToSelected();
    void upgradeTo(const QStringList &targets);
    void confirmUpgrade(const QStringList &targets, const QStringList &drops);
    // A menu of explicit choices under `action`'s toolbar button (objectName `name`).
    QMenu *popupChoices(QAction *action, const QString &name);
    void editPython();
    void setPythonStatus(const QString &text, const QString &toolTip);
    void downgradeToSelected();
    void stampSelected();
    void showSqlForSelected();
    void newRevision();
    void mergeHeads();
    void mergeOf(const QStringList &heads);
    void about();
    void downgradeTo(const QString &target);
    // The preview dialog (PreviewDialog) for a request; its Run button runs it.
    void showPreview(const MigrationRequest &request, const MigrationPreview &preview);

    WorkspaceController *m_controller = nullptr;
    RevisionGraphView *m_graph = nullptr;
    HeadsBanner *m_headsBanner = nullptr;
    ScriptEditor *m_editor = nullptr;
    OutputPane *m_output = nullptr;
    QDockWidget *m_graphDock = nullptr;
    QDockWidget *m_outputDock = nullptr;
    PendingChangesPanel *m_pending = nullptr;
    QDockWidget *m_pendingDock = nullptr;
    QFileSystemWatcher *m_schemaWatcher = nullptr; // schema files: re-compare
    QTimer *m_compareTimer = nullptr;
    QComboBox *m_databaseCombo = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLabel *m_currentLabel = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_pythonLabel = nullptr;
    QString m_pythonText; // unelided
    QToolBar *m_toolBar = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_nodeMenu = nullptr;
    QFileSystemWatcher *m_watcher = nullptr; // versions/: files added or removed outside
    QTimer *m_reloadTimer = nullptr;
    std::unique_ptr<DatabaseList> m_databases;
    ProjectSnapshot m_snapshot;
    QString m_pendingSelection; // file path: select its revision after the next load
    RunOutcome m_outcome;
    QString m_outcomeText;
    int m_pendingOperations = -1; // the last comparison's count; -1: none or failed
    bool m_hasProject = false;
    bool m_probePython = false; // probe the project's Python after the next load
};

} // namespace Retort::Ui

#include "mainwindow.h"

#include "databaselist.h"
#include "databasesdialog.h"
#include "explicittargets.h"
#include "headsbanner.h"
#include "outputpane.h"
#include "pendingchangespanel.h"
#include "revisiongraphmodel.h"
#include "revisiongraphview.h"
#include "scripteditor.h"
#include "sqlpreviewdialog.h"
#include "toolbaricons.h"
#include "workspacecontroller.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {
const QString recentKey = u"recentProjects"_s;
constexpr int maxRecent = 10;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_controller(new WorkspaceController(this))
    , m_graph(new RevisionGraphView(this))
    , m_editor(new ScriptEditor(this))
    , m_output(new OutputPane(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_reloadTimer(new QTimer(this))
{
    m_pending = new PendingChangesPanel(m_controller, this);
    m_schemaWatcher = new QFileSystemWatcher(this);
    m_compareTimer = new QTimer(this);
    setObjectName(u"MainWindow"_s);
    setWindowTitle(tr("Retort"));
    m_graph->setEmptyText(tr("No project open.\n\nFile > Open… opens a project folder; "
                             "File > New Project… creates one."));
    setCentralWidget(m_editor);
    createMenus();
    createToolBar();
    createDocks();
    createStatusBar();
    createHeadsBanner();
    connectController();
    connectEditor();
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(400); // a git checkout changes many files at once: reload once
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        if (!m_controller->isBusy())
            m_controller->refresh();
        else
            m_reloadTimer->start();
    });
    m_compareTimer->setSingleShot(true);
    m_compareTimer->setInterval(300); // an editor's save may touch the file more than once
    connect(m_schemaWatcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        if (!m_schemaWatcher->files().contains(path) && QFileInfo::exists(path))
            m_schemaWatcher->addPath(path); // saved by replacing the file
        m_compareTimer->start();
    });
    connect(m_compareTimer, &QTimer::timeout, this, [this] {
        watchSchema(m_snapshot.config);
        m_pending->compareWhenShown();
    });
    updateActions();
    updateStatusBar();

    QSettings settings;
    if (!restoreGeometry(settings.value(u"mainWindow/geometry"_s).toByteArray()))
        resize(1180, 740);
    restoreState(settings.value(u"mainWindow/state"_s).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_graphDock = new QDockWidget(tr("Revisions"), this);
    m_graphDock->setObjectName(u"graphDock"_s);
    m_graphDock->setWidget(m_graph);
    addDockWidget(Qt::LeftDockWidgetArea, m_graphDock);
    m_outputDock = new QDockWidget(tr("Output"), this);
    m_outputDock->setObjectName(u"outputDock"_s);
    m_outputDock->setWidget(m_output);
    addDockWidget(Qt::BottomDockWidgetArea, m_outputDock);
    m_pendingDock = new QDockWidget(tr("Pending changes"), this);
    m_pendingDock->setObjectName(u"pendingDock"_s);
    m_pendingDock->setWidget(m_pending);
    // A tab next to the graph: the editor keeps the centre and the panel gets the full height.
    tabifyDockWidget(m_graphDock, m_pendingDock);
    m_graphDock->raise();
    connect(m_pending, &PendingChangesPanel::locationActivated, this, &MainWindow::openLocation);
    connect(m_controller, &WorkspaceController::comparisonReady, this,
            [this](const SchemaComparison &comparison) {
                m_pendingOperations = int(comparison.diff.operations.size());
                updatePendingTitle();
            });
    connect(m_controller, &WorkspaceController::comparisonFailed, this, [this] {
        m_pendingOperations = -1;
        updatePendingTitle();
    });
    resizeDocks({m_graphDock}, {560}, Qt::Horizontal);
    resizeDocks({m_outputDock}, {170}, Qt::Vertical);
    m_viewMenu->addAction(m_graphDock->toggleViewAction());
    m_viewMenu->addAction(m_outputDock->toggleViewAction());
    m_viewMenu->addAction(m_pendingDock->toggleViewAction());
    m_viewMenu->addSeparator();
    // The shortcuts belong to the graph (active while it has the focus); after a tab the menu
    // only names them, so that they are not registered twice.
    QAction *zoomIn = m_viewMenu->addAction(tr("Zoom In Graph") + u"\tCtrl++"_s, m_graph,
                                            &RevisionGraphView::zoomIn);
    zoomIn->setObjectName(u"zoomIn"_s);
    QAction *zoomOut = m_viewMenu->addAction(tr("Zoom Out Graph") + u"\tCtrl+-"_s, m_graph,
                                             &RevisionGraphView::zoomOut);
    zoomOut->setObjectName(u"zoomOut"_s);
    m_viewMenu->addAction(tr("Reset Graph Zoom") + u"\tCtrl+0"_s, m_graph, &RevisionGraphView::resetZoom)
        ->setObjectName(u"resetZoom"_s);

    connect(m_graph, &RevisionGraphView::currentRevisionChanged, this,
            &MainWindow::onCurrentRevisionChanged);
    connect(m_graph, &RevisionGraphView::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_graph, &RevisionGraphView::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_graph, &RevisionGraphView::activated, m_editor,
            qOverload<>(&QWidget::setFocus)); // Enter on a revision: edit it
    connect(m_output, &OutputPane::locationActivated, this, &MainWindow::openLocation);
    connect(m_output, &OutputPane::cancelRequested, m_controller, &WorkspaceController::cancel);
    connect(m_editor, &ScriptEditor::saved, this, [this](const QString &path) {
        m_output->addInfo(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_editor, &ScriptEditor::saveFailed, m_output, &OutputPane::addError);
}

void MainWindow::createStatusBar()
{
    m_urlLabel = new QLabel(this);
    m_currentLabel = new QLabel(this);
    m_pendingLabel = new QLabel(this);
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long URL is cut, not the current revisions and the pending count.
    m_urlLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_pythonLabel = new QLabel(this);
    m_pythonLabel->setObjectName(u"pythonStatus"_s);
    // Apart from each other: the three read as one line otherwise.
    m_pythonLabel->setContentsMargins(0, 0, 12, 0);
    m_currentLabel->setContentsMargins(0, 0, 12, 0);
    m_pythonLabel->hide();
    statusBar()->addWidget(m_urlLabel, 1);
    statusBar()->addPermanentWidget(m_pythonLabel);
    statusBar()->addPermanentWidget(m_currentLabel);
    statusBar()->addPermanentWidget(m_pendingLabel);
}

void MainWindow::connectController()
{
    WorkspaceController *c = m_controller;
    connect(c, &WorkspaceController::projectOpened, this, &MainWindow::onProjectOpened);
    connect(c, &WorkspaceController::projectFailed, this, &MainWindow::onProjectFailed);
    connect(c, &WorkspaceController::busyChanged, this, [this](bool busy) {
        m_output->setBusy(busy);
        updateActions();
    });
    connect(c, &WorkspaceController::migrationStarted, this, [this](const QString &done) {
        m_outcome.begin(done);
        m_outcomeText.clear();
        statusBar()->clearMessage();
    });
    connect(c, &WorkspaceController::planReady, this, [this](int steps) {
        m_outcome.planned(steps);
        m_output->setPlan(steps);
    });
    connect(c, &WorkspaceController::stepStarted, this,
            [this](int index, int count, const QString &revision, const QString &message) {
                const int row = m_graph->model()->rowOf(revision);
                const QString file = row < 0 ? QString()
                                             : m_graph->model()->graphRow(row).filePath;
                m_outcome.stepStarted(revision, file);
                m_output->startStep(index, count, revision, message, file);
            });
    connect(c, &WorkspaceController::statementDone, m_output, &OutputPane::addStatement);
    connect(c, &WorkspaceController::stepFinished, this,
            [this](int, const QString &revision, qint64 ms) {
                m_outcome.stepFinished();
                m_output->finishStep(revision, ms);
            });
    connect(c, &WorkspaceController::info, m_output, &OutputPane::addInfo);
    // The controller re-reads the project after every migration, whatever its outcome.
    connect(c, &WorkspaceController::operationFinished, this, [this](const QString &summary) {
        m_outcome.clear();
        if (!summary.isEmpty())
            m_output->addInfo(summary);
    });
    connect(c, &WorkspaceController::operationFailed, this, [this](const Error &error) {
        if (m_outcome.isRunning())
            m_outcome.failed(error); // told in words after the reload (reportOutcome)
        m_output->addError(error);
        m_outputDock->show();
        if (!error.file.isEmpty() && error.file == m_editor->filePath() && error.line > 0)
            m_editor->showError(error.line, error.message);
    });
    connect(c, &WorkspaceController::upgradeChecked, this, &MainWindow::confirmUpgrade);
    connect(c, &WorkspaceController::previewReady, this, &MainWindow::showPreview);
    connect(c, &WorkspaceController::sqlReady, this, [this](const QString &title, const QString &sql) {
        auto *dialog = new SqlPreviewDialog(title, sql, m_snapshot.dialect, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    connect(c, &WorkspaceController::pythonFound, this, [this](const AlembicVersions &v) {
        setPythonStatus(tr("Python %1 \u00b7 Alembic %2").arg(v.pythonVersion, v.alembicVersion),
                        tr("The project's Alembic runs in %1 (Python %2, Alembic %3, "
                           "SQLAlchemy %4).")
                            .arg(v.python, v.pythonVersion, v.alembicVersion,
                                 v.sqlalchemyVersion));
        m_pythonLabel->setPalette(QPalette());
    });
    connect(c, &WorkspaceController::pythonMissing, this, [this](const Error &error) {
        const QString remedy = qEnvironmentVariableIsSet("RETORT_PYTHON")
                                   ? tr("RETORT_PYTHON wins over Project > Python...: correct "
                                        "or unset it.")
                                   : tr("Project > Python... chooses the interpreter.");
        setPythonStatus(error.message, error.message + u"\n\n"_s + remedy);
        QPalette warning = m_pythonLabel->palette();
        const bool dark = warning.color(QPalette::Window).lightness() < 128;
        warning.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
        m_pythonLabel->setPalette(warning);
    });
    connect(c, &WorkspaceController::revisionWritten, this, [this](const QString &path) {
        m_output->addInfo(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
        m_pendingSelection = path;
    });
}

void MainWindow::openProject(const QString &location)
{
    if (!maybeSaveEditor())
        return;
    const QFileInfo info(location);
    m_output->addInfo(tr("Opening %1").arg(QDir::toNativeSeparators(info.absoluteFilePath())));
    m_databases.reset();
    m_controller->openProject(info.absoluteFilePath());
}

bool MainWindow::openMostRecent()
{
    const QStringList recent = recentProjects();
    if (recent.isEmpty())
        return false;
    openProject(recent.first());
    return true;
}

QStringList MainWindow::recentProjects()
{
    return QSettings().value(recentKey).toStringList();
}

void MainWindow::onProjectOpened(const ProjectSnapshot &snapshot)
{
    const bool sameProject = m_hasProject && m_snapshot.config.iniPath == snapshot.config.iniPath;
    m_snapshot = snapshot;
    m_hasProject = true;
    setWindowTitle(snapshot.config.name());
    m_editor->setDialect(snapshot.dialect);
    if (!sameProject) {
        m_databases = std::make_unique<DatabaseList>(snapshot.config.iniPath);
        m_databases->load();
        fillDatabaseCombo();
        QStringList recent = recentProjects();
        recent.removeAll(snapshot.config.iniPath);
        recent.prepend(snapshot.config.iniPath);
        QSettings().setValue(recentKey, recent.mid(0, maxRecent));
        updateRecentMenu();
        m_editor->clear();
        watchVersions(snapshot.config.versionsDir());
    }
    watchSchema(snapshot.config);
    if (!sameProject || m_probePython) {
        m_probePython = false;
        const bool python = snapshot.workspace && snapshot.workspace->runsPython();
        m_pythonLabel->setVisible(python);
        if (python) {
            setPythonStatus(tr("Python: checking..."), {});
            m_controller->probePython();
        }
    }
    m_pending->compareWhenShown(); // the database or the graph may have changed
    const bool named = m_databaseCombo->currentIndex() > 0;
    m_graph->setCurrentBadge(named ? m_databaseCombo->currentText() : tr("current"));
    m_graph->setEmptyText(tr("No revisions yet.\n\nRevision > New Revision… writes the first one "
                             "into %1.").arg(QDir::toNativeSeparators(snapshot.config.versionsDir())));
    m_graph->setRows(snapshot.rows);
    m_headsBanner->setHeads(ExplicitTargets(snapshot.rows, snapshot.currentHeads).heads());
    QString select;
    for (const GraphRow &row : snapshot.rows) {
        if (!m_pendingSelection.isEmpty() && row.filePath == m_pendingSelection)
            select = row.id;
    }
    m_pendingSelection.clear();
    if (select.isEmpty() && m_graph->currentRevision().isEmpty() && !snapshot.rows.isEmpty())
        select = snapshot.rows.first().id;
    if (!select.isEmpty())
        m_graph->selectRevision(select);
    updateEditorReadOnly();
    if (!snapshot.databaseError.message.isEmpty())
        m_output->addError(snapshot.databaseError);
    if (snapshot.databaseStateKnown)
        m_output->addInfo(tr("%n revision(s), %1 pending", nullptr, snapshot.revisionCount)
                              .arg(snapshot.pendingCount));
    else
        m_output->addInfo(tr("%n revision(s); which are applied is not known: the database is "
                             "not reachable.", nullptr, snapshot.revisionCount));
    m_graphDock->setWindowTitle(snapshot.databaseStateKnown
                                    ? tr("Revisions")
                                    : tr("Revisions (database not reachable)"));
    updateStatusBar();
    updatePendingTitle();
    updateActions();
    reportOutcome();
}

void MainWindow::reportOutcome()
{
    if (!m_outcome.hasFailed())
        return;
    m_outcomeText = m_outcome.sentence(m_snapshot.currentHeads, m_snapshot.databaseStateKnown);
    const Error &error = m_outcome.error();
    m_output->addOutcome(m_outcomeText, m_outcome.file(), m_outcome.line(),
                         error.kind == Error::Kind::Cancelled ? QString() : error.message);
    m_outputDock->show();
    statusBar()->showMessage(m_outcomeText);
    m_outcome.clear();
}

void MainWindow::updatePendingTitle()
{
    QString title = tr("Pending changes");
    if (!m_hasProject)
        title = tr("Pending changes");
    else if (!m_snapshot.databaseStateKnown)
        title = tr("Pending changes (database not reachable)");
    else if (m_snapshot.pendingCount > 0)
        title = tr("Pending changes (database behind)");
    else if (m_pendingOperations > 0)
        title = tr("Pending changes (%1)").arg(m_pendingOperations);
    else if (m_pendingOperations < 0)
        title = tr("Pending changes (error)");
    m_pendingDock->setWindowTitle(title);
}

void MainWindow::watchVersions(const QString &dir)
{
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (QFileInfo(dir).isDir())
        m_watcher->addPath(dir);
}

void MainWindow::watchSchema(const Config &config)
{
    // Files only: the project folder also holds a SQLite database and its journal, whose
    // changes must not trigger a comparison. A new file matching a glob is seen on Refresh.
    QStringList files;
    const QDir project(config.projectDir);
    for (const QString &pattern : config.schema) {
        const QFileInfo info(project.filePath(pattern));
        const QDir dir = info.absoluteDir();
        const QStringList names = dir.entryList({info.fileName()}, QDir::Files);
        for (const QString &name : names)
            files.append(dir.filePath(name));
    }
    if (!m_schemaWatcher->files().isEmpty())
        m_schemaWatcher->removePaths(m_schemaWatcher->files());
    if (!files.isEmpty())
        m_schemaWatcher->addPaths(files);
}

void MainWindow::onProjectFailed(const Error &error)
{
    m_output->addError(error);
    m_outputDock->show();
    statusBar()->showMessage(error.message, 10000);
}

void MainWindow::onCurrentRevisionChanged(const QString &id)
{
    const int row = m_graph->model()->rowOf(id);
    if (row < 0)
        return;
    const GraphRow &graphRow = m_graph->model()->graphRow(row);
    if (graphRow.filePath == m_editor->filePath())
        return;
    if (!maybeSaveEditor()) {
        reselectEditedRevision();
        return;
    }
    if (graphRow.filePath.isEmpty()) {
        m_editor->clear();
        return;
    }
    const Result<> opened = m_editor->openFile(graphRow.filePath);
    if (!opened) {
        m_output->addError(opened.error());
        return;
    }
    updateEditorReadOnly();
}

// Applied revisions are read-only; after a run or a refresh the open file's state may change.
void MainWindow::updateEditorReadOnly()
{
    const QString path = m_editor->filePath();
    if (path.isEmpty())
        return;
    bool applied = false;
    for (const GraphRow &row : m_graph->model()->rows()) {
        if (row.filePath == path) {
            applied = row.state == GraphRow::State::Applied
                      || row.state == GraphRow::State::EditedAfterApplied;
            break;
        }
    }
    m_editor->setAppliedTo(applied ? databaseName() : QString());
}

void MainWindow::onSelectionChanged()
{
    updateActions();
}

void MainWindow::openLocation(const QString &file, int line, const QString &message)
{
    const QString id = [&] {
        for (const GraphRow &row : m_graph->model()->rows()) {
            if (row.filePath == file)
                return row.id;
        }
        return QString();
    }();
    if (!id.isEmpty() && m_graph->currentRevision() != id)
        m_graph->selectRevision(id);
    if (m_editor->filePath() != file) {
        if (!maybeSaveEditor())
            return;
        if (const Result<> opened = m_editor->openFile(file); !opened) {
            m_output->addError(opened.error());
            return;
        }
        updateEditorReadOnly();
    }
    if (line > 0 && !message.isEmpty())
        m_editor->showError(line, message);
    else if (line > 0)
        m_editor->goToLine(line);
    m_editor->setFocus();
}

bool MainWindow::maybeSaveEditor()
{
    if (!m_editor->isModified() || m_editor->isReadOnly())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved Changes"),
                    tr("%1 has unsaved changes. Save them?")
                        .arg(QFileInfo(m_editor->filePath()).fileName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(u"unsavedChanges"_s);
    box.setDefaultButton(QMessageBox::Save);
    const auto answer = QMessageBox::StandardButton(box.exec());
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save) {
        if (const Result<> saved = m_editor->save(); !saved) {
            m_output->addError(saved.error());
            return false;
        }
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSaveEditor()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(u"mainWindow/geometry"_s, saveGeometry());
    settings.setValue(u"mainWindow/state"_s, saveState());
    m_controller->cancel();
    QMainWindow::closeEvent(event);
}

QString MainWindow::databaseName() const
{
    if (!m_databaseCombo || m_databaseCombo->currentIndex() <= 0)
        return tr("the database");
    return m_databaseCombo->currentText();
}

void MainWindow::updateStatusBar()
{
    if (!m_hasProject) {
        m_pythonLabel->hide();
        m_urlLabel->setText(tr("No project open"));
        m_currentLabel->clear();
        m_pendingLabel->clear();
        return;
    }
    m_urlLabel->setText(m_snapshot.displayUrl.isEmpty() ? tr("No database URL")
                                                        : m_snapshot.displayUrl);
    if (!m_snapshot.databaseStateKnown) {
        // No pending count: without the version table it would be a guess.
        const QString why = m_snapshot.databaseError.message;
        m_currentLabel->setText(tr("Database not reachable"));
        const QFontMetrics metrics(m_pendingLabel->font());
        m_pendingLabel->setText(metrics.elidedText(why, Qt::ElideRight,
                                                   metrics.averageCharWidth() * 50));
        m_currentLabel->setToolTip(why);
        m_pendingLabel->setToolTip(why);
        return;
    }
    m_currentLabel->setToolTip(QString());
    m_pendingLabel->setToolTip(QString());
    if (m_snapshot.currentHeads.isEmpty())
        m_currentLabel->setText(tr("Current: base"));
    else
        m_currentLabel->setText(tr("Current: %1").arg(m_snapshot.currentHeads.join(u", "_s)));
    m_pendingLabel->setText(tr("%n pending", nullptr, m_snapshot.pendingCount));
}

QString MainWindow::statusUrlText() const
{
    return m_urlLabel->text();
}

QString MainWindow::statusCurrentText() const
{
    return m_currentLabel->text();
}

// The label keeps to a width the status bar can spare; the tooltip has the whole sentence.
void MainWindow::setPythonStatus(const QString &text, const QString &toolTip)
{
    m_pythonText = text;
    const QFontMetrics metrics(m_pythonLabel->font());
    m_pythonLabel->setText(metrics.elidedText(text, Qt::ElideRight, metrics.averageCharWidth() * 60));
    m_pythonLabel->setToolTip(toolTip.isEmpty() ? text : toolTip);
}

QString MainWindow::statusPythonText() const
{
    return m_pythonLabel->isVisibleTo(this) ? m_pythonText : QString();
}

QString MainWindow::statusPythonToolTip() const
{
    return m_pythonLabel->toolTip();
}

QString MainWindow::statusPendingText() const
{
    return m_pendingLabel->text();
}

} // namespace Retort::Ui

// MainWindow's menus, toolbar and the slots behind them.
#include "mainwindow.h"

#include "databaselist.h"
#include "databasesdialog.h"
#include "explicittargets.h"
#include "headsbanner.h"
#include "newrevisiondialog.h"
#include "outputpane.h"
#include "previewdialog.h"
#include "projectpythonsettings.h"
#include "pythondialog.h"
#include "revisiongraphmodel.h"
#include "revisiongraphview.h"
#include "toolbaricons.h"
#include "workspacecontroller.h"

#include <engine/workspace/workspace.h>

#include <QApplication>
#include <QComboBox>
#include <QCursor>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

QAction *MainWindow::addAction(QMenu *menu, const QString &name, const QString &text,
                               void (MainWindow::*slot)(), const QKeySequence &shortcut)
{
    QAction *action = menu->addAction(text, this, slot);
    action->setObjectName(name);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    addAction(file, u"newProject"_s, tr("&New Project..."), &MainWindow::newProject);
    addAction(file, u"openProject"_s, tr("&Open..."), &MainWindow::openProjectDialog,
              QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(u"quit"_s);
    createEditMenu();

    QMenu *project = menuBar()->addMenu(tr("&Project"));
    addAction(project, u"projectPython"_s, tr("&Python..."), &MainWindow::editPython);

    QMenu *database = menuBar()->addMenu(tr("&Database"));
    addAction(database, u"editDatabases"_s, tr("&Edit Databases..."), &MainWindow::editDatabases);
    addAction(database, u"refresh"_s, tr("&Refresh"), &MainWindow::refresh, QKeySequence::Refresh)
        ->setIcon(ToolbarIcons::icon(ToolbarIcons::Kind::Refresh));

    QMenu *revision = menuBar()->addMenu(tr("&Revision"));
    m_nodeMenu = revision;
    addAction(revision, u"newRevision"_s, tr("&New Revision..."), &MainWindow::newRevision,
              QKeySequence::New)
        ->setIcon(ToolbarIcons::icon(ToolbarIcons::Kind::NewRevision));
    addAction(revision, u"mergeHeads"_s, tr("&Merge Heads..."), &MainWindow::mergeHeads)
        ->setIcon(ToolbarIcons::icon(ToolbarIcons::Kind::Merge));
    revision->addSeparator();
    addAction(revision, u"upgradeHead"_s, tr("Upgrade to &Head"), &MainWindow::upgradeHead)
        ->setIcon(ToolbarIcons::icon(ToolbarIcons::Kind::UpgradeHead));
    addAction(revision, u"upgradeOne"_s, tr("Upgrade &+1"), &MainWindow::upgradeOne)
        ->setIcon(ToolbarIcons::icon(ToolbarIcons::Kind::UpgradeOne));
    addAction(revision, u"downgradeOne"_s, tr("Downgrade &-1"), &MainWindow::downgradeOne)
        ->setIcon(ToolbarIcons::icon(ToolbarIcons::Kind::DowngradeOne));
    addAction(revision, u"downgradeBase"_s, tr("Downgrade to &Base"), &MainWindow::downgradeBase)
        ->setIcon(ToolbarIcons::icon(ToolbarIcons::Kind::DowngradeBase));
    revision->addSeparator();
    addAction(revision, u"upgradeTo"_s, tr("&Upgrade to Here"), &MainWindow::upgradeToSelected);
    addAction(revision, u"downgradeTo"_s, tr("&Downgrade to Here"),
              &MainWindow::downgradeToSelected);
    addAction(revision, u"stamp"_s, tr("&Stamp Here"), &MainWindow::stampSelected)
        ->setIcon(ToolbarIcons::icon(ToolbarIcons::Kind::Stamp));
    addAction(revision, u"showSql"_s, tr("Show S&QL"), &MainWindow::showSqlForSelected)
        ->setIcon(ToolbarIcons::icon(ToolbarIcons::Kind::ShowSql));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    addAction(help, u"about"_s, tr("&About Retort"), &MainWindow::about);
    updateRecentMenu();
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    m_toolBar = bar;
    bar->setObjectName(u"mainToolBar"_s);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(20, 20));
    m_databaseCombo = new QComboBox(this);
    m_databaseCombo->setMinimumContentsLength(14);
    m_databaseCombo->setToolTip(tr("The database that actions run on"));
    connect(m_databaseCombo, &QComboBox::activated, this, &MainWindow::onDatabaseChosen);
    bar->addWidget(m_databaseCombo);
    bar->addSeparator();
    bar->addAction(action(u"upgradeHead"_s));
    bar->addAction(action(u"upgradeOne"_s));
    bar->addAction(action(u"downgradeOne"_s));
    bar->addAction(action(u"downgradeBase"_s));
    bar->addSeparator();
    bar->addAction(action(u"newRevision"_s));
    bar->addAction(action(u"mergeHeads"_s));
    bar->addAction(action(u"refresh"_s));
    action(u"upgradeHead"_s)->setIconText(tr("Upgrade to head"));
    action(u"upgradeOne"_s)->setIconText(tr("+1"));
    action(u"downgradeOne"_s)->setIconText(tr("-1"));
    action(u"downgradeBase"_s)->setIconText(tr("To base"));
    action(u"newRevision"_s)->setIconText(tr("New"));
    action(u"mergeHeads"_s)->setIconText(tr("Merge"));
}

void MainWindow::updateActions()
{
    const bool idle = m_hasProject && !m_controller->isBusy();
    const bool oneSelected = m_graph->selectedRevisions().size() == 1;
    for (const char *name : {"newRevision", "refresh", "editDatabases"})
        action(QString::fromLatin1(name))->setEnabled(idle);
    // Nothing to upgrade or to downgrade is greyed out; a database whose state could not be
    // read keeps both, so that trying says why.
    const bool known = m_snapshot.databaseStateKnown;
    const bool canUpgrade = idle && (!known || m_snapshot.pendingCount > 0);
    const bool canDowngrade = idle && (!known || !m_snapshot.currentHeads.isEmpty());
    // Relative targets are made explicit here (ExplicitTargets); where that needs a choice, the
    // action offers it, and where none exists it is disabled and says why.
    const ExplicitTargets targets(m_snapshot.rows, m_snapshot.currentHeads);
    const QStringList heads = targets.heads();
    action(u"upgradeHead"_s)->setEnabled(canUpgrade);
    action(u"upgradeHead"_s)->setToolTip(
        heads.size() > 1 ? tr("Several heads (%1): upgrade all of them or one").arg(heads.join(u", "_s))
                         : tr("Upgrade to the head revision"));
    const Result<QString> next = targets.nextRevision();
    action(u"upgradeOne"_s)->setEnabled(canUpgrade && (!known || next));
    action(u"upgradeOne"_s)->setToolTip(!known ? tr("Upgrade by one revision")
                                        : next ? tr("Upgrade to %1").arg(*next)
                                               : next.error().message);
    action(u"downgradeOne"_s)->setEnabled(canDowngrade);
    action(u"downgradeOne"_s)->setToolTip(
        m_snapshot.currentHeads.size() > 1
            ? tr("The database is at %1: choose which one to step back")
                  .arg(m_snapshot.currentHeads.join(u", "_s))
            : tr("Downgrade by one revision"));
    action(u"projectPython"_s)->setEnabled(idle && m_snapshot.workspace
                                           && m_snapshot.workspace->runsPython());
    action(u"downgradeBase"_s)->setEnabled(canDowngrade);
    for (const char *name : {"upgradeTo", "downgradeTo", "showSql"})
        action(QString::fromLatin1(name))->setEnabled(idle && oneSelected);
    // Down to a revision the database has not reached would run nothing, or something else.
    const int selectedRow = oneSelected ? m_graph->model()->rowOf(m_graph->currentRevision()) : -1;
    const GraphRow::State selectedState = selectedRow < 0 ? GraphRow::State::Unknown
                                                          : m_graph->model()->graphRow(selectedRow).state;
    const bool selectedApplied = selectedState == GraphRow::State::Applied
                                 || selectedState == GraphRow::State::EditedAfterApplied;
    action(u"downgradeTo"_s)->setEnabled(idle && oneSelected && selectedApplied);
    action(u"downgradeTo"_s)->setToolTip(oneSelected && !selectedApplied
                                             ? tr("Not applied: there is nothing to downgrade to here")
                                             : tr("Downgrade the database to this revision"));
    action(u"stamp"_s)->setEnabled(idle && !m_graph->selectedRevisions().isEmpty());
    action(u"mergeHeads"_s)->setEnabled(idle && selectedHeads().size() >= 2);
    m_databaseCombo->setEnabled(idle);
}

QStringList MainWindow::selectedHeads() const
{
    QStringList heads;
    for (const QString &id : m_graph->selectedRevisions()) {
        const int row = m_graph->model()->rowOf(id);
        if (row >= 0 && m_graph->model()->graphRow(row).isHead)
            heads.append(id);
    }
    return heads;
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentProjects();
    for (const QString &path : recent) {
        const QString label = QFileInfo(path).dir().dirName() + u"  ("_s
                              + QDir::toNativeSeparators(path) + u")"_s;
        m_recentMenu->addAction(label, this, [this, path] { openProject(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::fillDatabaseCombo()
{
    m_databaseCombo->clear();
    // The project file's own URL: retort.ini's, or alembic.ini's sqlalchemy.url.
    m_databaseCombo->addItem(tr("%1 URL").arg(m_hasProject ? QFileInfo(m_snapshot.config.iniPath).fileName()
                                                           : u"retort.ini"_s));
    if (m_databases) {
        for (const NamedDatabase &db : m_databases->databases())
            m_databaseCombo->addItem(db.name);
    }
}

void MainWindow::onDatabaseChosen(int index)
{
    const QString url = index <= 0 || !m_databases
                            ? QString()
                            : m_databases->connectUrl(m_databaseCombo->itemText(index));
    m_output->addInfo(tr("Database: %1").arg(m_databaseCombo->itemText(index)));
    m_controller->setDatabaseUrl(url);
}

void MainWindow::showContextMenu(const QPoint &globalPos, const QStringList &ids)
{
    if (ids.isEmpty())
        return;
    QMenu menu(this);
    menu.addAction(action(u"upgradeTo"_s));
    menu.addAction(action(u"downgradeTo"_s));
    menu.addAction(action(u"stamp"_s));
    menu.addAction(action(u"showSql"_s));
    menu.addSeparator();
    menu.addAction(action(u"mergeHeads"_s));
    menu.exec(globalPos);
}

// open(), not exec(): window-modal without a nested event loop, so tests can choose the folder.
void MainWindow::newProject()
{
    auto *dialog = new QFileDialog(this, tr("New Project Folder"));
    dialog->setObjectName(u"newProjectDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setLabelText(QFileDialog::Accept, tr("Create Project"));
    // Next to the open project, else home: not the folder the program was started in.
    dialog->setDirectory(m_hasProject ? QFileInfo(m_snapshot.config.projectDir).absolutePath()
                                      : QDir::homePath());
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::createProject);
    dialog->open();
}

void MainWindow::createProject(const QString &dir)
{
    const Result<QStringList> created = Workspace::createProject(dir);
    if (!created) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("New Project"),
                                    created.error().message, QMessageBox::Ok, this);
        box->setObjectName(u"newProjectError"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    const QString folder = QDir::toNativeSeparators(QFileInfo(dir).absoluteFilePath());
    m_output->addInfo(tr("Created a project in %1. Its database URL is in retort.ini; more "
                         "databases can be added under Database > Edit Databases.")
                          .arg(folder));
    openProject(dir);
}

void MainWindow::openProjectDialog()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                      tr("Retort or Alembic project (retort.ini alembic.ini);;Any .ini file (*.ini)"));
    if (!file.isEmpty())
        openProject(file);
}

void MainWindow::editDatabases()
{
    if (!m_databases)
        return;
    DatabasesDialog dialog(m_databases->databases(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_databases->setDatabases(dialog.databases());
    const QHash<QString, QString> passwords = dialog.sessionPasswords();
    for (auto it = passwords.cbegin(); it != passwords.cend(); ++it)
        m_databases->setSessionPassword(it.key(), it.value());
    m_databases->save();
    const QString chosen = m_databaseCombo->currentText();
    fillDatabaseCombo();
    m_databaseCombo->setCurrentIndex(std::max(0, m_databaseCombo->findText(chosen)));
}

// Refresh also asks the project's Python again: it may have been installed meanwhile.
void MainWindow::refresh()
{
    m_probePython = true;
    m_controller->refresh();
}

// Stored per project; the workspace is rebuilt with it and the Python probed again.
void MainWindow::editPython()
{
    if (!m_hasProject)
        return;
    auto *dialog = new PythonDialog(ProjectPythonSettings::load(m_snapshot.config.iniPath), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ProjectPythonSettings::save(dialog->options());
        m_output->addInfo(tr("Python settings of %1 saved.")
                              .arg(QDir::toNativeSeparators(m_snapshot.config.iniPath)));
        refresh();
    });
    dialog->open();
}

// One head: to it, by id. Several: the choice of all of them (each by id, in turn) or one.
void MainWindow::upgradeHead()
{
    const QStringList heads = ExplicitTargets(m_snapshot.rows, m_snapshot.currentHeads).heads();
    if (heads.size() <= 1) {
        upgradeTo({heads.value(0, u"head"_s)});
        return;
    }
    // Heads the database has already reached are named but not offered: nothing would run.
    QStringList pending;
    for (const QString &head : heads) {
        const int row = m_graph->model()->rowOf(head);
        const GraphRow::State state = row < 0 ? GraphRow::State::Unknown
                                              : m_graph->model()->graphRow(row).state;
        if (state == GraphRow::State::Pending || state == GraphRow::State::Unknown)
            pending << head;
    }
    QMenu *menu = popupChoices(action(u"upgradeHead"_s), u"upgradeHeadsMenu"_s);
    const QStringList all = pending.isEmpty() ? heads : pending;
    QAction *allAction = menu->addAction(tr("Upgrade All Heads (%1)").arg(all.join(u", "_s)), this,
                                         [this, all] { upgradeTo(all); });
    allAction->setObjectName(u"upgradeAllHeads"_s);
    menu->addSeparator();
    for (const QString &head : heads) {
        const int row = m_graph->model()->rowOf(head);
        const QString message = row < 0 ? QString() : m_graph->model()->graphRow(row).message;
        const bool reached = !pending.contains(head);
        QAction *one = menu->addAction(reached ? tr("%1  %2 (the database is there)").arg(head, message)
                                               : tr("Upgrade to %1  %2").arg(head, message),
                                       this, [this, head] { upgradeTo({head}); });
        one->setObjectName(u"upgradeToHead:"_s + head);
        one->setEnabled(!reached);
    }
    // Labelled branches by name (Alembic's `label@head`), as the engine's advice suggests.
    const QStringList labelled = branchTargets(heads);
    if (!labelled.isEmpty())
        menu->addSeparator();
    for (const QString &target : labelled) {
        menu->addAction(tr("Upgrade %1").arg(target), this, [this, target] { upgradeTo({target}); })
            ->setObjectName(u"upgradeToBranch:"_s + target);
    }
}

// While the database state is unknown "+1" goes as it is, and the engine says why it fails.
void MainWindow::upgradeOne()
{
    const Result<QString> next =
        ExplicitTargets(m_snapshot.rows, m_snapshot.currentHeads).nextRevision();
    upgradeTo({next ? *next : u"+1"_s});
}

// The menu is deleted when it closes; choosing an entry closes it, also when triggered from code.
QMenu *MainWindow::popupChoices(QAction *source, const QString &name)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(name);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    connect(menu, &QMenu::triggered, menu, &QMenu::close);
    QWidget *button = m_toolBar ? m_toolBar->widgetForAction(source) : nullptr;
    const QPoint at = button && button->isVisible()
                          ? button->mapToGlobal(QPoint(0, button->height()))
                          : QCursor::pos();
    menu->popup(at);
    return menu;
}

// An upgrade that drops data asks first, naming what it drops: the controller finds those
// statements off this thread (upgradeChecked), then confirmUpgrade asks.
void MainWindow::upgradeTo(const QStringList &targets)
{
    m_controller->checkUpgrade(targets);
}

void MainWindow::confirmUpgrade(const QStringList &targets, const QStringList &drops)
{
    const auto run = [this, targets] {
        if (targets.size() == 1)
            m_controller->upgrade(targets.first());
        else
            m_controller->upgradeAll(targets);
    };
    if (drops.isEmpty()) {
        run();
        return;
    }
    const QStringList shown = drops.mid(0, 12);
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Upgrade"),
        tr("Upgrading %1 to %2 runs statements that drop data:\n\n%3%4\n\nGo on?")
            .arg(databaseName(), targets.join(u", "_s), shown.join(u'\n'),
                 drops.size() > shown.size() ? tr("\n… and %1 more").arg(drops.size() - shown.size())
                                             : QString()),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"destructiveUpgrade"_s);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // open(), not exec(): no nested event loop while the controller's signals keep coming.
    connect(box, &QMessageBox::finished, this, [box, run] {
        if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
            run();
    });
    box->open();
}

// "-1" as an explicit target: the one row stepped back, or, with several rows, the one chosen.
// While the database state is unknown "-1" goes as it is, and the engine says why it fails.
void MainWindow::downgradeOne()
{
    const ExplicitTargets targets(m_snapshot.rows, m_snapshot.currentHeads);
    const QStringList rows = m_snapshot.currentHeads;
    if (!m_snapshot.databaseStateKnown || rows.isEmpty()) {
        downgradeTo(u"-1"_s);
        return;
    }
    if (rows.size() == 1) {
        downgradeTo(targets.stepBack(rows.first()));
        return;
    }
    QMenu *menu = popupChoices(action(u"downgradeOne"_s), u"downgradeHeadsMenu"_s);
    for (const QString &row : rows) {
        const QString target = targets.stepBack(row);
        menu->addAction(tr("Step %1 back (to %2)").arg(row, target.section(u'@', -1)), this,
                        [this, target] { downgradeTo(target); })
            ->setObjectName(u"downgradeHead:"_s + row);
    }
}

void MainWindow::downgradeBase()
{
    downgradeTo(u"base"_s);
}

// "… to here" and Stamp: the preview first (previewReady), then showPreview asks.
void MainWindow::upgradeToSelected()
{
    m_controller->previewMigration({MigrationRequest::Kind::Upgrade, {m_graph->currentRevision()}});
}

void MainWindow::downgradeToSelected()
{
    downgradeTo(m_graph->currentRevision());
}

void MainWindow::downgradeTo(const QString &target)
{
    m_controller->previewMigration({MigrationRequest::Kind::Downgrade, {target}});
}

void MainWindow::stampSelected()
{
    m_controller->previewMigration({MigrationRequest::Kind::Stamp, m_graph->selectedRevisions()});
}

// open(), not exec(): no nested event loop while the controller's signals keep coming.
void MainWindow::showPreview(const MigrationRequest &request, const MigrationPreview &preview)
{
    auto *dialog = new PreviewDialog(request, preview, databaseName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, request] {
        switch (request.kind) {
        case MigrationRequest::Kind::Downgrade:
            m_controller->downgrade(request.targets.value(0));
            break;
        case MigrationRequest::Kind::Stamp:
            m_controller->stamp(request.targets);
            break;
        case MigrationRequest::Kind::Upgrade:
            m_controller->upgrade(request.targets.value(0));
            break;
        }
    });
    dialog->open();
}

// Pending revision: the upgrade script up to it; applied: the downgrade script back to it.
void MainWindow::showSqlForSelected()
{
    const QString id = m_graph->currentRevision();
    const int row = m_graph->model()->rowOf(id);
    if (row < 0)
        return;
    const GraphRow::State state = m_graph->model()->graphRow(row).state;
    m_controller->showSql(id, state == GraphRow::State::Pending);
}

void MainWindow::createHeadsBanner()
{
    m_headsBanner = new HeadsBanner;
    m_graph->setBanner(m_headsBanner);
    connect(m_headsBanner, &HeadsBanner::mergeRequested, this, [this](const QStringList &heads) {
        m_graph->selectRevisions(heads);
        mergeOf(heads);
    });
}

// The parent: the selected node, else the only head, else the user picks among the heads.
// open(), not exec(), so that tests can fill the dialog.
void MainWindow::newRevision()
{
    const RevisionGraphModel *model = m_graph->model();
    const QStringList heads = ExplicitTargets(m_snapshot.rows, m_snapshot.currentHeads).heads();
    QList<NewRevisionDialog::Parent> parents;
    const auto parentOf = [model](const QString &id, bool isHead) {
        const int row = model->rowOf(id);
        return NewRevisionDialog::Parent{id, row < 0 ? QString() : model->graphRow(row).message,
                                         isHead};
    };
    for (const QString &head : heads)
        parents.append(parentOf(head, true));
    const QStringList selected = m_graph->selectedRevisions();
    QString preselected = heads.size() == 1 ? heads.first() : QString();
    if (selected.size() == 1) {
        const int row = model->rowOf(selected.first());
        const bool orphan = row < 0 || model->graphRow(row).state == GraphRow::State::Orphan;
        if (!orphan) {
            preselected = selected.first();
            if (!heads.contains(preselected))
                parents.append(parentOf(preselected, false));
        }
    }
    auto *dialog = new NewRevisionDialog(parents, preselected, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_controller->newRevision(dialog->message(), dialog->parentId(), dialog->startsBranch());
    });
    dialog->open();
}

void MainWindow::mergeHeads()
{
    mergeOf(selectedHeads());
}

// The proposed message joins the heads' own messages: what the merge brings together.
void MainWindow::mergeOf(const QStringList &heads)
{
    if (heads.size() < 2)
        return;
    QStringList messages;
    for (const QString &head : heads) {
        const int row = m_graph->model()->rowOf(head);
        const QString message = row < 0 ? QString() : m_graph->model()->graphRow(row).message;
        messages << (message.isEmpty() ? head : message);
    }
    const QString last = messages.takeLast();
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(u"mergeDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Merge Heads"));
    dialog->setLabelText(tr("Message for the merge of %1:").arg(heads.join(u", "_s)));
    dialog->setTextValue(tr("merge %1 and %2").arg(messages.join(u", "_s), last));
    dialog->resize(std::max(dialog->sizeHint().width(), 520), dialog->sizeHint().height());
    connect(dialog, &QInputDialog::textValueSelected, this, [this, heads](const QString &text) {
        if (!text.trimmed().isEmpty())
            m_controller->merge(heads, text.trimmed());
    });
    dialog->open();
}

QStringList MainWindow::branchTargets(const QStringList &heads) const
{
    const RevisionGraphModel *model = m_graph->model();
    QHash<QString, QStringList> headsOfLabel;
    QList<QPair<QString, QString>> found; // (head, label), in the heads' order
    for (const QString &head : heads) {
        QString id = head;
        QSet<QString> seen;
        while (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            const int row = model->rowOf(id);
            if (row < 0)
                break;
            const GraphRow &r = model->graphRow(row);
            for (const QString &label : r.branchLabels) {
                headsOfLabel[label].append(head);
                found.append({head, label});
            }
            if (r.parents.size() != 1)
                break; // a merge point or a base: what is below belongs to more than this branch
            id = r.parents.first();
        }
    }
    QStringList targets;
    for (const auto &[head, label] : found) {
        if (headsOfLabel.value(label).size() == 1)
            targets << label + u"@head"_s;
    }
    return targets;
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Retort"),
                       tr("<h3>Retort %1</h3><p>Database migrations with a revision graph, for "
                          "SQLite, PostgreSQL and MariaDB.</p>")
                           .arg(QString::fromLatin1(RETORT_VERSION)));
}

} // namespace Retort::Ui

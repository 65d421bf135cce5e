#include "../common/projectfiles.h"

#include <ui/databaselist.h>
#include <ui/graphlanes.h>
#include <ui/databasesdialog.h>
#include <ui/mainwindow.h>
#include <ui/outputpane.h>
#include <ui/revisiongraphmodel.h>
#include <ui/revisiongraphview.h>
#include <ui/scripteditor.h>
#include <ui/sqlpreviewdialog.h>
#include <ui/workspacecontroller.h>

#include <Qsci/qsciscintilla.h>

#include <QDir>
#include <QDockWidget>
#include <QDirIterator>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;
using namespace Retort::Ui;

namespace {

bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0;
}

QTreeWidgetItem *findOutput(QTreeWidget *list, const QString &text)
{
    const QList<QTreeWidgetItem *> items = list->findItems(text, Qt::MatchContains | Qt::MatchRecursive, 1);
    return items.isEmpty() ? nullptr : items.last();
}

// File > New Project..., going into `dir` in its folder dialog and accepting it. (Not
// selectFile(): it leaves the name field alone while that has focus, as it does under X.)
void chooseNewProjectFolder(MainWindow &window, const QString &dir)
{
    window.action(u"newProject"_s)->trigger();
    auto *dialog = window.findChild<QFileDialog *>(u"newProjectDialog"_s);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->setDirectory(dir);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept() is protected
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RETORT_SHOTS_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u"/"_s + name);
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void opensProjectAndShowsSelectedRevisionInEditor();
    void statusBarMasksPassword();
    void projectWithoutIniReportsError();
    void reopensMostRecentProject();
    void newProjectCreatesAndOpensIt();
    void newProjectRefusesAFolderWithAProject();
    void progressShowsStepsAndCancelStopsJob();
    void clickingAnErrorOpensItsFileAtTheLine();
    void newRevisionIsWrittenAndSelected();
    void mergeOfTwoSelectedHeads();
    void filteredGraphKeepsEdgesBadgesAndActions();
    void reloadsWhenAFileAppearsInVersions();
    void databasesDialogMovesTypedPasswordOutOfTheUrl();
    void showSqlOpensReadOnlyPreview();
    void upgradeMarksAppliedAndDowngradeUndoes();
    void upgradeThatDropsDataAsksFirst();
    void showSqlForPendingHeadHasItsStatements();
    void geometryAndDocksAreRestored();
    void withoutPassword_data();
    void withoutPassword();
    void databaseListNeverStoresPasswords();

private:
    QString makeExample();
    // The example plus 0a0a0a0a0a0a "add tags" on e2b7a9c05d13: two heads.
    QString makeExampleWithSecondHead();
    QTemporaryDir m_dir;
    int m_count = 0;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"RetortTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    QVERIFY(m_dir.isValid());
}

void tst_MainWindow::init()
{
    QSettings().clear();
}

QString tst_MainWindow::makeExample()
{
    const QString dir = m_dir.filePath(u"blog%1"_s.arg(++m_count));
    return RetortTest::copyExampleProject(dir);
}

QString tst_MainWindow::makeExampleWithSecondHead()
{
    const QString project = makeExample();
    const bool written = writeFile(project + u"/migrations/versions/0a0a0a0a0a0a_add_tags.sql"_s,
                                   u"-- add tags\n--\n-- Revision ID: 0a0a0a0a0a0a\n-- Revises: e2b7a9c05d13\n"
                                   "-- Create Date: 2026-11-08 10:00:00\n\n-- migrate:upgrade\n"
                                   "CREATE TABLE tags (id INTEGER PRIMARY KEY);\n"_s);
    return project.isEmpty() || !written ? QString() : project;
}

void tst_MainWindow::opensProjectAndShowsSelectedRevisionInEditor()
{
    const QString project = makeExample();
    QVERIFY(!project.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 6);
    QCOMPARE(window.windowTitle(), QFileInfo(project).fileName());
    QCOMPARE(model->graphRow(0).id, u"f0d4c8b1a627"_s); // the head, newest on top
    QCOMPARE(window.graphView()->currentRevision(), u"f0d4c8b1a627"_s);
    QCOMPARE(window.editor()->filePath(), model->graphRow(0).filePath);
    QVERIFY(window.statusUrlText().startsWith(u"sqlite:///"_s));
    QCOMPARE(window.statusPendingText(), u"6 pending"_s);

    // Click the revision that adds comments: its file opens, unmodified and editable.
    const int row = model->rowOf(u"9e5f3b2c1d70"_s);
    QVERIFY(row > 0);
    QTreeView *tree = window.graphView()->treeView();
    const QRect rect = tree->visualRect(tree->model()->index(row, RevisionGraphModel::MessageColumn));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window.graphView()->currentRevision(), u"9e5f3b2c1d70"_s);
    QVERIFY(window.editor()->filePath().endsWith(u"9e5f3b2c1d70_add_comments.sql"_s));
    QVERIFY(window.editor()->text().contains(u"-- Revision ID: 9e5f3b2c1d70"_s));
    QVERIFY(!window.editor()->isModified());
    QVERIFY(!window.editor()->isReadOnly()); // pending
}

void tst_MainWindow::statusBarMasksPassword()
{
    const QString project = m_dir.filePath(u"secretproject"_s);
    QVERIFY(writeFile(project + u"/retort.ini"_s,
                      u"[retort]\nurl = postgresql://alice:s3cret@db.example:5432/app\n"_s));
    QVERIFY(QDir().mkpath(project + u"/migrations/versions"_s));
    MainWindow window;
    QSignalSpy opened(window.controller(), &WorkspaceController::projectOpened);
    window.openProject(project);
    QVERIFY(opened.wait());
    QCOMPARE(window.statusUrlText(), u"postgresql://alice:***@db.example:5432/app"_s);
    QCOMPARE(window.graphView()->model()->rowCount(), 0);
    QCOMPARE(window.windowTitle(), u"secretproject"_s);
}

void tst_MainWindow::projectWithoutIniReportsError()
{
    const QString empty = m_dir.filePath(u"empty"_s);
    QVERIFY(QDir().mkpath(empty));
    MainWindow window;
    QSignalSpy failed(window.controller(), &WorkspaceController::projectFailed);
    window.openProject(empty);
    QVERIFY(failed.wait());
    QTreeWidgetItem *item = findOutput(window.output()->list(), u"no retort.ini"_s);
    QVERIFY(item);
    QCOMPARE(item->foreground(1).color(), QColor(0xc0, 0x1c, 0x28));
    QVERIFY(MainWindow::recentProjects().isEmpty());
}

void tst_MainWindow::reopensMostRecentProject()
{
    const QString project = makeExample();
    {
        MainWindow window;
        QVERIFY(!window.openMostRecent());
        QSignalSpy opened(window.controller(), &WorkspaceController::projectOpened);
        window.openProject(project);
        QVERIFY(opened.wait());
    }
    QCOMPARE(MainWindow::recentProjects(), QStringList{QDir(project).filePath(u"retort.ini"_s)});
    MainWindow again;
    QVERIFY(again.openMostRecent());
    QTRY_COMPARE(again.graphView()->model()->rowCount(), 6);
}

void tst_MainWindow::newProjectCreatesAndOpensIt()
{
    const QString dir = m_dir.filePath(u"fresh"_s);
    QVERIFY(QDir().mkpath(dir)); // the folder dialog picks an existing folder
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.graphView()->shownEmptyText().startsWith(u"No project open."_s));
    QSignalSpy opened(window.controller(), &WorkspaceController::projectOpened);
    chooseNewProjectFolder(window, dir);
    QVERIFY(QFileInfo::exists(dir + u"/retort.ini"_s));
    QVERIFY(QFileInfo::exists(dir + u"/schema.sql"_s));
    QVERIFY(QFileInfo(dir + u"/migrations/versions"_s).isDir());
    QVERIFY(opened.wait());
    QCOMPARE(window.windowTitle(), u"fresh"_s);
    QCOMPARE(window.graphView()->model()->rowCount(), 0);
    QVERIFY2(window.graphView()->shownEmptyText().startsWith(u"No revisions yet."_s),
             qPrintable(window.graphView()->shownEmptyText()));
    QCOMPARE(window.statusPendingText(), u"0 pending"_s);
    QVERIFY(window.action(u"newRevision"_s)->isEnabled());
    QVERIFY(!window.action(u"upgradeHead"_s)->isEnabled()); // nothing to run yet
    QVERIFY(!window.action(u"downgradeOne"_s)->isEnabled());
    QCOMPARE(MainWindow::recentProjects(), QStringList{QDir(dir).filePath(u"retort.ini"_s)});
    QVERIFY(findOutput(window.output()->list(), u"Created a project in"_s));
    QVERIFY(!window.findChild<QMessageBox *>(u"newProjectError"_s));
}

void tst_MainWindow::newProjectRefusesAFolderWithAProject()
{
    const QString project = makeExample();
    const QStringList before = RetortTest::folderListing(project);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(window.controller(), &WorkspaceController::projectOpened);
    chooseNewProjectFolder(window, project);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"newProjectError"_s)));
    QVERIFY(box->isVisible());
    QCOMPARE(box->text(), QDir(project).absoluteFilePath(u"retort.ini"_s)
                              + u" already exists; not creating a project over it."_s);
    box->accept();
    QCOMPARE(RetortTest::folderListing(project), before);
    QVERIFY(!opened.wait(300));
    QVERIFY(MainWindow::recentProjects().isEmpty());
    QCOMPARE(window.statusUrlText(), u"No project open"_s);
}

void tst_MainWindow::progressShowsStepsAndCancelStopsJob()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto gate = std::make_shared<QSemaphore>();
    QSignalSpy failed(window.controller(), &WorkspaceController::operationFailed);
    window.controller()->run(u"Upgrade to head"_s,
                             [gate](ProgressSink &sink, const CancelToken &cancel) -> Result<QString> {
        sink.report(Progress::PlanReady{3});
        sink.report(Progress::StepStarted{0, 3, Direction::Upgrade, {}, {}, u"a1"_s, u"first"_s});
        sink.report(Progress::StatementDone{u"CREATE TABLE t (id INTEGER)"_s, 10, 4});
        sink.report(Progress::StepFinished{0, u"a1"_s, 5});
        sink.report(Progress::StepStarted{1, 3, Direction::Upgrade, {}, {}, u"b2"_s, u"second"_s});
        gate->tryAcquire(1, 10000);
        if (cancel.isCancelled())
            return Error(Error::Kind::Cancelled, u"Cancelled after a1."_s);
        return u"done"_s;
    });
    QVERIFY(window.controller()->isBusy());
    QTRY_COMPARE(window.output()->progressText(), u"2 of 3"_s);
    QVERIFY(findOutput(window.output()->list(), u"CREATE TABLE t"_s));
    auto *cancel = window.output()->findChild<QPushButton *>();
    QVERIFY(cancel && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    gate->release();
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(0).value<Error>().kind, Error::Kind::Cancelled);
    QVERIFY(!window.controller()->isBusy());
    QVERIFY(findOutput(window.output()->list(), u"Cancelled after a1."_s));
}

void tst_MainWindow::clickingAnErrorOpensItsFileAtTheLine()
{
    const QString project = makeExample();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 6);
    const QString file = QDir(project).filePath(
        u"migrations/versions/7c2e91d04a3b_create_posts_table.sql"_s);
    emit window.controller()->operationFailed(
        Error(Error::Kind::Database, u"no such table: users"_s, file, 10));
    QTreeWidgetItem *item = findOutput(window.output()->list(), u"no such table: users"_s);
    QVERIFY(item);
    QVERIFY(item->text(1).contains(u"7c2e91d04a3b_create_posts_table.sql:10"_s));
    QTreeWidget *list = window.output()->list();
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    QCOMPARE(window.editor()->filePath(), file);
    QCOMPARE(window.graphView()->currentRevision(), u"7c2e91d04a3b"_s);
    int line = -1;
    int index = -1;
    window.editor()->textEdit()->getCursorPosition(&line, &index);
    QCOMPARE(line, 9);
    QCOMPARE(window.editor()->errorLine(), 10);
    QCOMPARE(window.editor()->textEdit()->annotation(9), u"no such table: users"_s);
}

void tst_MainWindow::newRevisionIsWrittenAndSelected()
{
    const QString project = makeExample();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 6);
    QSignalSpy written(window.controller(), &WorkspaceController::revisionWritten);
    window.controller()->newRevision(u"add tags"_s);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 7);
    QCOMPARE(written.size(), 1);
    const QString path = written.first().at(0).toString();
    QVERIFY(QFileInfo::exists(path));
    const RevisionGraphModel *model = window.graphView()->model();
    const GraphRow &top = model->graphRow(0);
    QCOMPARE(top.message, u"add tags"_s);
    QCOMPARE(top.parents, QStringList{u"f0d4c8b1a627"_s});
    QVERIFY(top.isHead);
    QVERIFY(!model->graphRow(1).isHead);
    QCOMPARE(window.graphView()->currentRevision(), top.id);
    QCOMPARE(window.editor()->filePath(), path);
    QVERIFY(!window.editor()->isReadOnly());
}

void tst_MainWindow::mergeOfTwoSelectedHeads()
{
    const QString project = makeExampleWithSecondHead();
    QVERIFY(!project.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 7);
    QAction *merge = window.action(u"mergeHeads"_s);
    QVERIFY(merge && !merge->isEnabled());

    QTreeView *tree = window.graphView()->treeView();
    const RevisionGraphModel *model = window.graphView()->model();
    QVERIFY(window.graphView()->selectRevision(u"f0d4c8b1a627"_s));
    const QModelIndex other = tree->model()->index(model->rowOf(u"0a0a0a0a0a0a"_s), 1);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      tree->visualRect(other).center());
    QCOMPARE(window.graphView()->selectedRevisions().size(), 2);
    QVERIFY(merge->isEnabled());

    window.controller()->merge(window.graphView()->selectedRevisions(), u"merge tags"_s);
    QTRY_COMPARE(model->rowCount(), 8);
    const GraphRow &top = model->graphRow(0);
    QCOMPARE(top.message, u"merge tags"_s);
    QCOMPARE(QSet<QString>(top.parents.cbegin(), top.parents.cend()),
             (QSet<QString>{u"f0d4c8b1a627"_s, u"0a0a0a0a0a0a"_s}));
    QCOMPARE(window.graphView()->currentRevision(), top.id);
    QCOMPARE(model->lanes(0).segments.size(), 2); // two edges down from the merge point
}

void tst_MainWindow::filteredGraphKeepsEdgesBadgesAndActions()
{
    const QString project = makeExampleWithSecondHead();
    QVERIFY(!project.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    const RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 7);

    // "0" is in every id but c81a6d4e2f95's: the merge e2b7a9c05d13 keeps one edge, to
    // 9e5f3b2c1d70 (its other parent led to 7c2e91d04a3b, which 9e5f3b2c1d70 reaches anyway).
    QTest::keyClicks(window.graphView()->filterEdit(), u"0"_s);
    QTreeView *tree = window.graphView()->treeView();
    QAbstractItemModel *shown = tree->model();
    QCOMPARE(shown->rowCount(), 6);
    const auto shownRow = [shown](const QString &id) {
        for (int i = 0; i < shown->rowCount(); ++i) {
            if (shown->index(i, 0).data(RevisionGraphModel::IdRole).toString() == id)
                return i;
        }
        return -1;
    };
    const auto downEdges = [](const GraphLanes &lanes) {
        return std::count_if(lanes.segments.cbegin(), lanes.segments.cend(),
                             [](const LaneSegment &s) { return s.part == LaneSegment::Part::Down; });
    };
    const int merge = shownRow(u"e2b7a9c05d13"_s);
    QVERIFY(merge >= 0);
    QCOMPARE(downEdges(shown->index(merge, 0).data(RevisionGraphModel::LanesRole).value<GraphLanes>()), 1);
    QCOMPARE(downEdges(model->lanes(model->rowOf(u"e2b7a9c05d13"_s))), 2); // the model's stay whole

    // Badges and the actions on a selection work on the filtered rows.
    const int head1 = shownRow(u"f0d4c8b1a627"_s);
    const int head2 = shownRow(u"0a0a0a0a0a0a"_s);
    QVERIFY(shown->index(head1, 0).data(RevisionGraphModel::IsHeadRole).toBool());
    QVERIFY(shown->index(head2, 0).data(RevisionGraphModel::IsHeadRole).toBool());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualRect(shown->index(head1, 1)).center());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      tree->visualRect(shown->index(head2, 1)).center());
    const QStringList selected = window.graphView()->selectedRevisions();
    QCOMPARE(QSet<QString>(selected.cbegin(), selected.cend()),
             (QSet<QString>{u"f0d4c8b1a627"_s, u"0a0a0a0a0a0a"_s}));
    QVERIFY(window.action(u"mergeHeads"_s)->isEnabled());
    QVERIFY(window.action(u"stamp"_s)->isEnabled());
    QVERIFY(!window.action(u"showSql"_s)->isEnabled()); // two selected
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                      tree->visualRect(shown->index(shownRow(u"7c2e91d04a3b"_s), 1)).center());
    QVERIFY(window.editor()->filePath().endsWith(u"7c2e91d04a3b_create_posts_table.sql"_s));
    QVERIFY(window.action(u"showSql"_s)->isEnabled());
    QVERIFY(!window.action(u"mergeHeads"_s)->isEnabled());
}

void tst_MainWindow::reloadsWhenAFileAppearsInVersions()
{
    const QString project = makeExample();
    MainWindow window;
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 6);
    QVERIFY(writeFile(project + u"/migrations/versions/0b0b0b0b0b0b_from_git.sql"_s,
                      u"-- from another branch\n--\n-- Revision ID: 0b0b0b0b0b0b\n"
                      "-- Revises: f0d4c8b1a627\n\n-- migrate:upgrade\nSELECT 1;\n"_s));
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 7);
    QCOMPARE(window.graphView()->model()->graphRow(0).id, u"0b0b0b0b0b0b"_s);
}

void tst_MainWindow::databasesDialogMovesTypedPasswordOutOfTheUrl()
{
    DatabasesDialog dialog({{u"dev"_s, u"sqlite:///dev.db"_s}});
    QCOMPARE(dialog.list()->count(), 1);
    QCOMPARE(dialog.urlEdit()->text(), u"sqlite:///dev.db"_s);
    dialog.addDatabase();
    QCOMPARE(dialog.list()->count(), 2);
    dialog.nameEdit()->setText(u"staging"_s);
    dialog.urlEdit()->setText(u"postgresql://app:t0p%40secret@db/staging"_s);
    dialog.list()->setCurrentRow(0); // stores the edited entry
    const QList<NamedDatabase> databases = dialog.databases();
    QCOMPARE(databases.size(), 2);
    QCOMPARE(databases.at(1).name, u"staging"_s);
    QCOMPARE(databases.at(1).url, u"postgresql://app@db/staging"_s);
    QCOMPARE(dialog.sessionPasswords().value(u"staging"_s), u"t0p@secret"_s);
    dialog.removeCurrent();
    QCOMPARE(dialog.databases().size(), 1);
    QCOMPARE(dialog.databases().at(0).name, u"staging"_s);
}

void tst_MainWindow::showSqlOpensReadOnlyPreview()
{
    MainWindow window;
    emit window.controller()->sqlReady(u"Upgrade SQL"_s, u"BEGIN;\nCREATE TABLE t (id INT);\nCOMMIT;\n"_s);
    auto *dialog = window.findChild<SqlPreviewDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), u"Upgrade SQL"_s);
    QCOMPARE(dialog->editor()->text(), u"BEGIN;\nCREATE TABLE t (id INT);\nCOMMIT;\n"_s);
    QVERIFY(dialog->editor()->isReadOnly());
    QVERIFY(!dialog->editor()->isBannerVisible());
}

void tst_MainWindow::upgradeThatDropsDataAsksFirst()
{
    const QString project = makeExample();
    QFile drop(project + u"/migrations/versions/dead00beef01_drop_comments.sql"_s);
    QVERIFY(drop.open(QIODevice::WriteOnly));
    drop.write("-- drop comments\n--\n-- Revision ID: dead00beef01\n-- Revises: f0d4c8b1a627\n\n"
               "-- migrate:upgrade\nDROP TABLE comments;\n");
    drop.close();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 7);
    WorkspaceController *controller = window.controller();
    QSignalSpy opened(controller, &WorkspaceController::projectOpened);
    QSignalSpy finished(controller, &WorkspaceController::operationFinished);
    controller->upgrade(u"f0d4c8b1a627"_s); // nothing dropped on the way: no question
    QVERIFY(finished.wait(30000));
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.statusCurrentText(), u"Current: f0d4c8b1a627"_s);

    // Upgrade to head: the box names the statement; No leaves the database where it was.
    window.action(u"upgradeHead"_s)->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"destructiveUpgrade"_s)));
    QVERIFY(box->text().contains(u"dead00beef01: DROP TABLE comments"_s));
    saveShot(box, u"destructive-upgrade.png"_s);
    box->button(QMessageBox::No)->click();
    QVERIFY(!finished.wait(300));
    QCOMPARE(window.statusCurrentText(), u"Current: f0d4c8b1a627"_s);

    // Yes runs it.
    window.action(u"upgradeHead"_s)->trigger();
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"destructiveUpgrade"_s)) && box->isVisible());
    box->button(QMessageBox::Yes)->click();
    QVERIFY(finished.wait(30000));
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.statusCurrentText(), u"Current: dead00beef01"_s);
}

void tst_MainWindow::upgradeMarksAppliedAndDowngradeUndoes()
{
    const QString project = makeExample();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 6);
    QCOMPARE(window.statusCurrentText(), u"Current: base"_s);
    QCOMPARE(window.editor()->filePath(), model->graphRow(0).filePath);
    QVERIFY(!window.editor()->isReadOnly());

    WorkspaceController *controller = window.controller();
    QSignalSpy finished(controller, &WorkspaceController::operationFinished);
    QSignalSpy opened(controller, &WorkspaceController::projectOpened);
    controller->upgrade(u"head"_s);
    QVERIFY(finished.wait(30000));
    QVERIFY(opened.wait(30000)); // the reload after the run
    for (const GraphRow &row : model->rows())
        QCOMPARE(int(row.state), int(GraphRow::State::Applied));
    QVERIFY(model->graphRow(0).isCurrent);
    QVERIFY(!model->graphRow(1).isCurrent);
    QCOMPARE(window.statusCurrentText(), u"Current: f0d4c8b1a627"_s);
    QCOMPARE(window.statusPendingText(), u"0 pending"_s);
    QVERIFY(findOutput(window.output()->list(), u"CREATE TABLE users"_s));
    QVERIFY(window.editor()->isReadOnly());
    QVERIFY(window.editor()->isBannerVisible());
    window.resize(1180, 740);
    QTest::qWait(50); // let the layouts follow the resize
    saveShot(&window, u"mainwindow-after-upgrade.png"_s);

    // An applied file edited on disk shows as edited after applied.
    const QString postsFile = project + u"/migrations/versions/7c2e91d04a3b_create_posts_table.sql"_s;
    QFile posts(postsFile);
    QVERIFY(posts.open(QIODevice::Append));
    posts.write("-- edited later\n");
    posts.close();
    controller->refresh();
    QVERIFY(opened.wait(30000));
    QCOMPARE(int(model->graphRow(model->rowOf(u"7c2e91d04a3b"_s)).state),
             int(GraphRow::State::EditedAfterApplied));

    controller->downgrade(u"-1"_s);
    QVERIFY(finished.wait(30000));
    QVERIFY(opened.wait(30000));
    QCOMPARE(int(model->graphRow(0).state), int(GraphRow::State::Pending));
    QVERIFY(model->graphRow(1).isCurrent);
    QCOMPARE(window.statusPendingText(), u"1 pending"_s);
    QVERIFY(!window.editor()->isReadOnly()); // the head's file is open and pending again
}

void tst_MainWindow::showSqlForPendingHeadHasItsStatements()
{
    const QString project = makeExample();
    MainWindow window;
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 6);
    window.action(u"showSql"_s)->trigger();
    SqlPreviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<SqlPreviewDialog *>()));
    QVERIFY(dialog->editor()->text().contains(u"CREATE TABLE users"_s));
    QVERIFY(dialog->editor()->text().contains(u"CREATE INDEX ix_comments_post_id"_s));
}

void tst_MainWindow::geometryAndDocksAreRestored()
{
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 610);
        window.findChild<QDockWidget *>(u"outputDock"_s)->hide();
        QTRY_COMPARE(window.size(), QSize(900, 610));
        window.close();
    }
    MainWindow again;
    QCOMPARE(again.size(), QSize(900, 610));
    QVERIFY(again.findChild<QDockWidget *>(u"outputDock"_s)->isHidden());
    QVERIFY(!again.findChild<QDockWidget *>(u"graphDock"_s)->isHidden());
}

void tst_MainWindow::withoutPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("password") << u"postgresql://u:secret@h:5432/db"_s << u"postgresql://u@h:5432/db"_s;
    QTest::newRow("no password") << u"postgresql://u@h/db"_s << u"postgresql://u@h/db"_s;
    QTest::newRow("env password") << u"mysql://u:${DB_PW}@h/db"_s << u"mysql://u:${DB_PW}@h/db"_s;
    QTest::newRow("sqlite") << u"sqlite:///x.db"_s << u"sqlite:///x.db"_s;
    QTest::newRow("empty password") << u"mysql://u:@h/db"_s << u"mysql://u@h/db"_s;
}

void tst_MainWindow::withoutPassword()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(DatabaseList::withoutPassword(url), expected);
}

void tst_MainWindow::databaseListNeverStoresPasswords()
{
    const QString ini = m_dir.filePath(u"p/retort.ini"_s);
    DatabaseList list(ini);
    list.setDatabases({{u"dev"_s, u"postgresql://alice:hunter2@localhost/dev"_s},
                       {u"ci"_s, u"mysql://root:${CI_PW}@127.0.0.1/ci"_s}});
    list.setSessionPassword(u"dev"_s, u"p@ss:word"_s);
    list.save();
    QSettings().sync();

    QFile settingsFile(QSettings().fileName());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    const QByteArray stored = settingsFile.readAll();
    QVERIFY(stored.contains("postgresql://alice@localhost/dev"));
    QVERIFY(!stored.contains("hunter2"));
    QVERIFY(!stored.contains("p@ss"));

    DatabaseList loaded(ini);
    loaded.load();
    QCOMPARE(loaded.databases().size(), 2);
    QCOMPARE(loaded.databases().at(0).url, u"postgresql://alice@localhost/dev"_s);
    QCOMPARE(loaded.connectUrl(u"dev"_s), u"postgresql://alice:p%40ss%3Aword@localhost/dev"_s);
    QCOMPARE(loaded.connectUrl(u"ci"_s), u"mysql://root:${CI_PW}@127.0.0.1/ci"_s);
    DatabaseList other(m_dir.filePath(u"q/retort.ini"_s));
    other.load();
    QVERIFY(other.databases().isEmpty());
}

QTEST_MAIN(tst_MainWindow)

#include "tst_mainwindow.moc"

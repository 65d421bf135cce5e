// Issue #16 points 1, 2, 3 and 8: the shown state is the database's, branches from the graph,
// a preview before every destructive action, errors readable in full.
#include "../common/projectfiles.h"

#include <ui/headsbanner.h>
#include <ui/mainwindow.h>
#include <ui/newrevisiondialog.h>
#include <ui/outputpane.h>
#include <ui/previewdialog.h>
#include <ui/revisiongraphmodel.h>
#include <ui/revisiongraphview.h>
#include <ui/scripteditor.h>
#include <ui/workspacecontroller.h>

#include <Qsci/qsciscintilla.h>

#include <QDir>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QAction>
#include <QDockWidget>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTreeView>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
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
    const QList<QTreeWidgetItem *> items =
        list->findItems(text, Qt::MatchContains | Qt::MatchRecursive, 1);
    return items.isEmpty() ? nullptr : items.last();
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RETORT_SHOTS_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u"/"_s + name);
}

QString dockTitle(const MainWindow &window, const QString &name)
{
    auto *dock = window.findChild<QDockWidget *>(name);
    return dock ? dock->windowTitle() : QString();
}

} // namespace

class tst_GuiTrust : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void failedRunIsToldInWordsWithALink();
    void cancelledRunIsASentence();
    void unreachableDatabaseClaimsNothing();
    void pendingTabSaysTheDatabaseIsBehind();
    void longErrorIsReadableInFull();
    void twoHeadsBannerOpensMergeWithTheirMessages();
    void newRevisionAsksForAParentAmongHeads();
    void newRevisionOnASelectedNodeStartsABranch();
    void upgradeMenuOffersLabelledBranches();
    void downgradeToHerePreviewsAndDefaultsToCancel();
    void stampOfSeveralRowsIsPreviewed();
    void downgradeToHereIsDisabledOnPendingNodes();

private:
    QString makeExample();
    // The example plus 0a0a0a0a0a0a "add tags" (branch label `label`) on e2b7a9c05d13.
    QString makeTwoHeads(const QString &label = {});
    QTemporaryDir m_dir;
    int m_count = 0;
};

void tst_GuiTrust::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"RetortTest"_s);
    QCoreApplication::setApplicationName(u"tst_guitrust"_s);
    QVERIFY(m_dir.isValid());
}

void tst_GuiTrust::init()
{
    QSettings().clear();
}

QString tst_GuiTrust::makeExample()
{
    return RetortTest::copyExampleProject(m_dir.filePath(u"blog%1"_s.arg(++m_count)));
}

QString tst_GuiTrust::makeTwoHeads(const QString &label)
{
    const QString project = makeExample();
    const QString labels = label.isEmpty() ? QString() : u"-- Branch Labels: "_s + label + u"\n"_s;
    const bool written = writeFile(
        project + u"/migrations/versions/0a0a0a0a0a0a_add_tags.sql"_s,
        u"-- add tags\n--\n-- Revision ID: 0a0a0a0a0a0a\n-- Revises: e2b7a9c05d13\n"
        "-- Create Date: 2026-11-08 10:00:00\n"_s + labels
            + u"\n-- migrate:upgrade\nCREATE TABLE tags (id INTEGER PRIMARY KEY);\n"_s);
    return project.isEmpty() || !written ? QString() : project;
}

// Six revisions commit, the seventh fails at its line 8: the words say so, the status bar names
// where the database now is, and the sentence opens the file at that line.
void tst_GuiTrust::failedRunIsToldInWordsWithALink()
{
    const QString project = makeExample();
    const QString bad = project + u"/migrations/versions/bad0bad0bad0_oops.sql"_s;
    QVERIFY(writeFile(bad, u"-- oops\n--\n-- Revision ID: bad0bad0bad0\n-- Revises: f0d4c8b1a627\n"
                           "-- Create Date: 2026-11-08 10:00:00\n\n-- migrate:upgrade\n"
                           "CREATE TABLE users (id INTEGER);\n"_s));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 7);
    QCOMPARE(window.statusPendingText(), u"7 pending"_s);
    WorkspaceController *controller = window.controller();
    QSignalSpy failed(controller, &WorkspaceController::operationFailed);
    QSignalSpy opened(controller, &WorkspaceController::projectOpened);
    controller->upgrade(u"bad0bad0bad0"_s);
    QVERIFY(failed.wait(30000));
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.outcomeText(),
             u"6 of 7 applied; stopped at bad0bad0bad0 (bad0bad0bad0_oops.sql:8); the database "
             "is at f0d4c8b1a627."_s);
    QCOMPARE(window.statusCurrentText(), u"Current: f0d4c8b1a627"_s);
    QCOMPARE(window.statusPendingText(), u"1 pending"_s);
    window.resize(1180, 740);
    QTest::qWait(50);
    saveShot(&window, u"failed-run-outcome.png"_s);

    QTreeWidget *list = window.output()->list();
    QTreeWidgetItem *item = findOutput(list, u"6 of 7 applied"_s);
    QVERIFY(item);
    QVERIFY(item->font(1).underline());
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    QCOMPARE(window.editor()->filePath(), QFileInfo(bad).absoluteFilePath());
    int line = -1;
    int index = -1;
    window.editor()->textEdit()->getCursorPosition(&line, &index);
    QCOMPARE(line, 7);
}

// Cancel during a long run: one sentence with the counts and the database's position as re-read.
void tst_GuiTrust::cancelledRunIsASentence()
{
    const QString project = makeExample();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 6);
    WorkspaceController *controller = window.controller();
    QSignalSpy opened(controller, &WorkspaceController::projectOpened);
    // The signals a cancelled 2,000-revision run sends, then the reload that follows every run.
    emit controller->migrationStarted(u"applied"_s);
    emit controller->planReady(2000);
    const QStringList ids = {u"a1"_s, u"b2"_s, u"c3"_s};
    for (int i = 0; i < ids.size(); ++i) {
        emit controller->stepStarted(i, 2000, ids.at(i), u"step"_s);
        emit controller->stepFinished(i, ids.at(i), 1);
    }
    emit controller->stepStarted(3, 2000, u"d4"_s, u"step"_s);
    emit controller->operationFailed(
        Error(Error::Kind::Cancelled, u"Cancelled while running d4. Committed before it and "
                                      "still applied: a1, b2, c3."_s));
    controller->refresh();
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.outcomeText(),
             u"Cancelled after 3 of 2,000 revisions; the database is at base."_s);
    QVERIFY(findOutput(window.output()->list(), window.outcomeText()));
}

// A database that cannot be reached: no pending count, no node that claims to be pending.
void tst_GuiTrust::unreachableDatabaseClaimsNothing()
{
    const QString project = makeExample();
    QFile ini(project + u"/retort.ini"_s);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(ini.readAll());
    ini.close();
    static const QRegularExpression url(u"(?m)^url\\s*=.*$"_s);
    QVERIFY(text.contains(url));
    text.replace(url, u"url = postgresql://nobody@127.0.0.1:1/nothing"_s);
    QVERIFY(writeFile(ini.fileName(), text));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy opened(window.controller(), &WorkspaceController::projectOpened);
    window.openProject(project);
    QVERIFY(opened.wait(30000));
    RevisionGraphModel *model = window.graphView()->model();
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(window.statusCurrentText(), u"Database not reachable"_s);
    QVERIFY(!window.statusPendingText().contains(u"pending"_s));
    QVERIFY(!window.statusPendingText().isEmpty()); // why
    for (const GraphRow &row : model->rows())
        QCOMPARE(int(row.state), int(GraphRow::State::Unknown));
    QCOMPARE(dockTitle(window, u"graphDock"_s), u"Revisions (database not reachable)"_s);
    QCOMPARE(dockTitle(window, u"pendingDock"_s), u"Pending changes (database not reachable)"_s);
    window.resize(1180, 740);
    QTest::qWait(50);
    saveShot(&window, u"unreachable-database.png"_s);
}

void tst_GuiTrust::pendingTabSaysTheDatabaseIsBehind()
{
    const QString project = makeExample();
    MainWindow window;
    QSignalSpy opened(window.controller(), &WorkspaceController::projectOpened);
    window.openProject(project);
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.statusPendingText(), u"6 pending"_s);
    QCOMPARE(dockTitle(window, u"pendingDock"_s), u"Pending changes (database behind)"_s);
    // Still behind once the comparison is in: its count would be about the wrong schema.
    QSignalSpy compared(window.controller(), &WorkspaceController::comparisonReady);
    QSignalSpy compareFailed(window.controller(), &WorkspaceController::comparisonFailed);
    QTRY_VERIFY_WITH_TIMEOUT(compared.size() + compareFailed.size() > 0, 30000);
    QCOMPARE(dockTitle(window, u"pendingDock"_s), u"Pending changes (database behind)"_s);
}

// A long engine message: the row is cut at the pane's edge, so each sentence gets a row of its
// own and the tooltip wraps.
void tst_GuiTrust::longErrorIsReadableInFull()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString message =
        u"Running 3fa2c1 (add users) failed: near \"TABL\": syntax error. Its transaction was "
        "rolled back. Committed before it and still applied: 1a2b3c, 4d5e6f."_s;
    emit window.controller()->operationFailed(Error(Error::Kind::Database, message));
    QTreeWidget *list = window.output()->list();
    QTreeWidgetItem *end = findOutput(list, u"Committed before it and still applied: 1a2b3c, 4d5e6f."_s);
    QVERIFY(end);
    QTreeWidgetItem *top = end->parent();
    QVERIFY(top);
    QVERIFY(top->text(1).contains(message));
    QVERIFY(top->isExpanded());
    QCOMPARE(top->childCount(), 3);
    QCOMPARE(end->text(1), u"Committed before it and still applied: 1a2b3c, 4d5e6f."_s);
    QVERIFY(top->toolTip(1).contains(u"pre-wrap"_s));

    // 2,000 ids: the row keeps them all, the tooltip stays a few lines long.
    QStringList ids;
    for (int i = 0; i < 2000; ++i)
        ids << u"%1"_s.arg(i, 12, 16, QLatin1Char('0'));
    emit window.controller()->operationFailed(Error(
        Error::Kind::Cancelled, u"Cancelled while running x. Committed before it and still "
                                "applied: "_s + ids.join(u", "_s) + u"."_s));
    QTreeWidgetItem *many = findOutput(list, ids.last());
    QVERIFY(many);
    QVERIFY(many->text(1).contains(ids.first()));
    QVERIFY2(many->toolTip(1).size() < 1000, qPrintable(QString::number(many->toolTip(1).size())));
    QVERIFY(window.output()->findChild<QAction *>(u"outputCopy"_s));
    window.resize(900, 600);
    QTest::qWait(50);
    saveShot(&window, u"long-error.png"_s);
}

void tst_GuiTrust::twoHeadsBannerOpensMergeWithTheirMessages()
{
    const QString project = makeTwoHeads();
    QVERIFY(!project.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 7);
    auto *banner = window.findChild<HeadsBanner *>();
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), u"2 heads: merge them?"_s);
    window.resize(1180, 740);
    QTest::qWait(50);
    saveShot(&window, u"two-heads-banner.png"_s);

    QTest::mouseClick(banner->mergeButton(), Qt::LeftButton);
    QStringList selected = window.graphView()->selectedRevisions();
    selected.sort();
    QCOMPARE(selected, (QStringList{u"0a0a0a0a0a0a"_s, u"f0d4c8b1a627"_s}));
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<QInputDialog *>(u"mergeDialog"_s)) && dialog->isVisible());
    const QString proposed = dialog->textValue();
    QVERIFY2(proposed.contains(u"add tags"_s) && proposed.contains(u"index comments by post"_s),
             qPrintable(proposed));
    saveShot(dialog, u"merge-dialog.png"_s);
    dialog->accept();
    QTRY_COMPARE(model->rowCount(), 8);
    QCOMPARE(model->graphRow(0).message, proposed);
    QVERIFY(!banner->isVisible());
}

// Two heads and nothing selected: OK waits for a parent; the one chosen is the parent.
void tst_GuiTrust::newRevisionAsksForAParentAmongHeads()
{
    const QString project = makeTwoHeads();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 7);
    window.graphView()->treeView()->selectionModel()->clearSelection();
    QVERIFY(window.graphView()->selectedRevisions().isEmpty());
    window.action(u"newRevision"_s)->trigger();
    NewRevisionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<NewRevisionDialog *>()) && dialog->isVisible());
    QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(dialog->parentCombo()->currentIndex(), -1);
    QCOMPARE(dialog->parentCombo()->count(), 2);
    dialog->messageEdit()->setText(u"add labels"_s);
    QVERIFY(!ok->isEnabled());
    dialog->parentCombo()->setCurrentIndex(dialog->parentCombo()->findData(u"0a0a0a0a0a0a"_s));
    QVERIFY(ok->isEnabled());
    saveShot(dialog, u"new-revision-parent.png"_s);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 8);
    const GraphRow &top = model->graphRow(model->rowOf(window.graphView()->currentRevision()));
    QCOMPARE(top.message, u"add labels"_s);
    QCOMPARE(top.parents, QStringList{u"0a0a0a0a0a0a"_s});
}

// A selected node that is not a head is the default parent, and the revision starts a branch.
void tst_GuiTrust::newRevisionOnASelectedNodeStartsABranch()
{
    const QString project = makeExample();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 6);
    QVERIFY(window.graphView()->selectRevision(u"7c2e91d04a3b"_s));
    window.action(u"newRevision"_s)->trigger();
    NewRevisionDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<NewRevisionDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->parentId(), u"7c2e91d04a3b"_s);
    QVERIFY(dialog->startsBranch());
    dialog->messageEdit()->setText(u"side branch"_s);
    dialog->accept();
    QTRY_COMPARE(model->rowCount(), 7);
    const GraphRow &top = model->graphRow(model->rowOf(window.graphView()->currentRevision()));
    QCOMPARE(top.message, u"side branch"_s);
    QCOMPARE(top.parents, QStringList{u"7c2e91d04a3b"_s});
    QTRY_VERIFY(window.findChild<HeadsBanner *>()->isVisible()); // now two heads
}

void tst_GuiTrust::upgradeMenuOffersLabelledBranches()
{
    const QString project = makeTwoHeads(u"tags"_s);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 7);
    WorkspaceController *controller = window.controller();
    QSignalSpy finished(controller, &WorkspaceController::operationFinished);
    QSignalSpy opened(controller, &WorkspaceController::projectOpened);
    window.action(u"upgradeHead"_s)->trigger();
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = window.findChild<QMenu *>(u"upgradeHeadsMenu"_s)));
    QAction *branch = menu->findChild<QAction *>(u"upgradeToBranch:tags@head"_s);
    QVERIFY(branch);
    QCOMPARE(menu->findChildren<QAction *>(QRegularExpression(u"^upgradeToBranch:"_s)).size(), 1);
    branch->trigger();
    QVERIFY(finished.wait(30000));
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.statusCurrentText(), u"Current: 0a0a0a0a0a0a"_s);
}

namespace {

PreviewDialog *waitForPreview(MainWindow &window)
{
    PreviewDialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] { return (dialog = window.findChild<PreviewDialog *>()) && dialog->isVisible(); }, 30000);
    return shown ? dialog : nullptr;
}

bool upgradeAndReload(MainWindow &window, const QString &target)
{
    QSignalSpy finished(window.controller(), &WorkspaceController::operationFinished);
    QSignalSpy opened(window.controller(), &WorkspaceController::projectOpened);
    window.controller()->upgrade(target);
    return finished.wait(30000) && opened.wait(30000);
}

} // namespace

void tst_GuiTrust::downgradeToHerePreviewsAndDefaultsToCancel()
{
    const QString project = makeExample();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 6);
    QVERIFY(upgradeAndReload(window, u"head"_s));
    QVERIFY(window.graphView()->selectRevision(u"7c2e91d04a3b"_s));
    QVERIFY(window.action(u"downgradeTo"_s)->isEnabled());
    window.action(u"downgradeTo"_s)->trigger();
    PreviewDialog *dialog = waitForPreview(window);
    QVERIFY(dialog);
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(!dialog->runButton()->isDefault());
    QVERIFY(dialog->question().startsWith(u"Downgrade the database to 7c2e91d04a3b?"_s));
    const QStringList steps = dialog->stepTexts();
    QCOMPARE(steps.size(), 4);
    QVERIFY2(steps.first().contains(u"f0d4c8b1a627"_s), qPrintable(steps.join(u'|')));
    QVERIFY(steps.at(1).contains(u"e2b7a9c05d13"_s));
    QVERIFY(dialog->rowsText().contains(u"before: f0d4c8b1a627"_s));
    QVERIFY(dialog->rowsText().contains(u"after: 7c2e91d04a3b"_s));
    // Three statements drop data (a table, two columns); each is marked on the line above it.
    const QStringList lines = dialog->sqlText().split(u'\n');
    QStringList marked;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (lines.at(i) == PreviewDialog::destructiveMarker())
            marked << lines.at(i + 1);
    }
    QCOMPARE(marked.size(), 3);
    QVERIFY(marked.filter(u"DROP TABLE comments"_s).size() == 1);
    QVERIFY(marked.filter(u"DROP COLUMN bio"_s).size() == 1);
    QVERIFY(dialog->sqlText().contains(u"DROP INDEX ix_comments_post_id"_s)); // shown, unmarked
    saveShot(dialog, u"downgrade-preview.png"_s);

    // Enter is Cancel: nothing runs.
    QSignalSpy finished(window.controller(), &WorkspaceController::operationFinished);
    QTest::keyClick(dialog, Qt::Key_Return);
    QTRY_VERIFY(!window.findChild<PreviewDialog *>());
    QVERIFY(!finished.wait(300));
    QCOMPARE(window.statusCurrentText(), u"Current: f0d4c8b1a627"_s);

    window.action(u"downgradeTo"_s)->trigger();
    QVERIFY((dialog = waitForPreview(window)));
    QSignalSpy opened(window.controller(), &WorkspaceController::projectOpened);
    dialog->runButton()->click();
    QVERIFY(finished.wait(30000));
    QVERIFY(opened.wait(30000));
    QCOMPARE(window.statusCurrentText(), u"Current: 7c2e91d04a3b"_s);
}

void tst_GuiTrust::stampOfSeveralRowsIsPreviewed()
{
    const QString project = makeTwoHeads();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 7);
    QVERIFY(window.graphView()->selectRevisions({u"f0d4c8b1a627"_s, u"0a0a0a0a0a0a"_s}));
    window.action(u"stamp"_s)->trigger();
    PreviewDialog *dialog = waitForPreview(window);
    QVERIFY(dialog);
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(dialog->question().startsWith(u"Stamp the database at "_s));
    QVERIFY(dialog->rowsText().contains(u"before: empty (base)"_s));
    QVERIFY(dialog->rowsText().contains(u"f0d4c8b1a627"_s));
    QVERIFY(dialog->rowsText().contains(u"0a0a0a0a0a0a"_s));
    QVERIFY(!dialog->sqlText().contains(PreviewDialog::destructiveMarker()));
    saveShot(dialog, u"stamp-preview.png"_s);
    QSignalSpy finished(window.controller(), &WorkspaceController::operationFinished);
    dialog->cancelButton()->click();
    QVERIFY(!finished.wait(300));
    QCOMPARE(window.statusCurrentText(), u"Current: base"_s);
}

void tst_GuiTrust::downgradeToHereIsDisabledOnPendingNodes()
{
    const QString project = makeExample();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 6);
    QVERIFY(upgradeAndReload(window, u"7c2e91d04a3b"_s));
    QVERIFY(window.graphView()->selectRevision(u"9e5f3b2c1d70"_s)); // pending
    QVERIFY(!window.action(u"downgradeTo"_s)->isEnabled());
    QVERIFY(window.action(u"upgradeTo"_s)->isEnabled());
    QVERIFY(window.graphView()->selectRevision(u"4b1d2e6f8a10"_s)); // applied
    QVERIFY(window.action(u"downgradeTo"_s)->isEnabled());
}

QTEST_MAIN(tst_GuiTrust)
#include "tst_guitrust.moc"

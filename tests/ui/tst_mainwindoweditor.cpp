// The main window keeps the editor's work: the Edit menu, the unsaved-edits question before
// switching revision or closing, and the saved file staying selected.
#include "../common/projectfiles.h"

#include <ui/mainwindow.h>
#include <ui/revisiongraphmodel.h>
#include <ui/revisiongraphview.h>
#include <ui/scripteditor.h>
#include <ui/workspacecontroller.h>

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QLineEdit>
#include <QTreeView>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;
using namespace Retort::Ui;

namespace {

// Answers the next "unsaved changes" question with `button` once it is shown (it runs its own
// event loop); `seen` tells whether it was asked and its default was Save.
void answerUnsaved(QMessageBox::StandardButton button, bool *seen, bool *defaultIsSave)
{
    QTimer::singleShot(0, qApp, [=] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != u"unsavedChanges"_s) {
            answerUnsaved(button, seen, defaultIsSave); // not shown yet
            return;
        }
        *seen = true;
        *defaultIsSave = box->defaultButton() == box->button(QMessageBox::Save);
        box->button(button)->click();
    });
}

} // namespace

class tst_MainWindowEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void editMenuHoldsTheEditorsActions();
    void unsavedEditsAskBeforeSwitchingAndClosing();
    void savedFixedFileStaysSelected();
    void graphKeysEscClearsFilterMenuKeysOpenContextMenu();
    void viewMenuNamesZoomShortcuts();

private:
    QString openExample(MainWindow &window);
    QTemporaryDir m_dir;
    int m_count = 0;
};

void tst_MainWindowEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"RetortTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindoweditor"_s);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
}

QString tst_MainWindowEditor::openExample(MainWindow &window)
{
    const QString project = RetortTest::copyExampleProject(m_dir.filePath(u"blog%1"_s.arg(++m_count)));
    if (project.isEmpty())
        return {};
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return {};
    window.openProject(project);
    if (!QTest::qWaitFor([&] { return window.graphView()->model()->rowCount() == 6; }))
        return {};
    return project;
}

void tst_MainWindowEditor::editMenuHoldsTheEditorsActions()
{
    MainWindow window;
    QVERIFY(!openExample(window).isEmpty());
    auto *edit = window.menuBar()->findChild<QMenu *>(u"editMenu"_s);
    QVERIFY(edit);
    QStringList names;
    for (QAction *action : edit->actions()) {
        if (!action->isSeparator())
            names << action->objectName();
    }
    QCOMPARE(names, (QStringList{u"editUndo"_s, u"editRedo"_s, u"editCut"_s, u"editCopy"_s,
                                 u"editPaste"_s, u"editFind"_s, u"editFindNext"_s,
                                 u"editGoToLine"_s, u"editSave"_s}));
    // Wired to the editor: undo from the menu takes the typing back, Save writes the file.
    const QString before = window.editor()->text();
    window.editor()->textEdit()->insert(u"-- note\n"_s);
    edit->actions().constFirst()->trigger();
    QCOMPARE(window.editor()->text(), before);
    window.editor()->textEdit()->insert(u"-- note\n"_s);
    window.action(u"editSave"_s)->trigger();
    QVERIFY(!window.editor()->isModified());
    QFile file(window.editor()->filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("-- note\n"));
}

void tst_MainWindowEditor::unsavedEditsAskBeforeSwitchingAndClosing()
{
    MainWindow window;
    QVERIFY(!openExample(window).isEmpty());
    const QString head = window.graphView()->currentRevision();
    const QString path = window.editor()->filePath();
    QVERIFY(!path.isEmpty());
    window.editor()->textEdit()->insert(u"-- unsaved\n"_s);

    bool seen = false;
    bool defaultIsSave = false;
    answerUnsaved(QMessageBox::Cancel, &seen, &defaultIsSave);
    window.graphView()->selectRevision(u"9e5f3b2c1d70"_s);
    QVERIFY(seen);
    QVERIFY(defaultIsSave);
    QCOMPARE(window.editor()->filePath(), path); // the edits stay, and so does the selection
    QVERIFY(window.editor()->text().startsWith(u"-- unsaved"_s));
    QCOMPARE(window.graphView()->currentRevision(), head);

    seen = false;
    answerUnsaved(QMessageBox::Cancel, &seen, &defaultIsSave);
    QVERIFY(!window.close());
    QVERIFY(seen);
    QVERIFY(window.isVisible());

    seen = false;
    answerUnsaved(QMessageBox::Discard, &seen, &defaultIsSave);
    QVERIFY(window.close());
    QVERIFY(seen);
}

// A file that does not parse, fixed and saved: after the reload the save causes, that file is
// the selected revision and its error mark is gone.
void tst_MainWindowEditor::savedFixedFileStaysSelected()
{
    MainWindow window;
    QVERIFY(!openExample(window).isEmpty());
    window.graphView()->selectRevision(u"9e5f3b2c1d70"_s);
    QTRY_VERIFY(window.editor()->filePath().endsWith(u"9e5f3b2c1d70_add_comments.sql"_s));
    const QString path = window.editor()->filePath();
    const QString good = window.editor()->text();
    QsciScintilla *text = window.editor()->textEdit();
    // Break the header: the revision's parent names a revision that does not exist.
    QString broken = good;
    broken.replace(QRegularExpression(u"-- Revises: \\w+"_s), u"-- Revises: 123456789abc"_s);
    QVERIFY(broken != good);
    text->setText(broken);
    QSignalSpy failed(window.controller(), &WorkspaceController::projectFailed);
    QVERIFY(window.editor()->save());
    QTRY_VERIFY(failed.size() >= 1);
    QCOMPARE(window.editor()->filePath(), path);

    QSignalSpy opened(window.controller(), &WorkspaceController::projectOpened);
    text->setText(good);
    QVERIFY(window.editor()->save());
    QTRY_VERIFY(opened.size() >= 1);
    QCOMPARE(window.graphView()->currentRevision(), u"9e5f3b2c1d70"_s);
    QCOMPARE(window.editor()->filePath(), path);
    QCOMPARE(window.editor()->errorLine(), 0);
}

void tst_MainWindowEditor::graphKeysEscClearsFilterMenuKeysOpenContextMenu()
{
    MainWindow window;
    QVERIFY(!openExample(window).isEmpty());
    RevisionGraphView view; // alone: the window's handler would open a real menu
    view.setRows(window.graphView()->model()->rows());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.selectRevision(u"9e5f3b2c1d70"_s));
    QSignalSpy menu(&view, &RevisionGraphView::contextMenuRequested);
    view.treeView()->setFocus();
    QTest::keyClick(view.treeView(), Qt::Key_F10, Qt::ShiftModifier);
    QCOMPARE(menu.size(), 1);
    QCOMPARE(menu.last().at(1).toStringList(), QStringList{u"9e5f3b2c1d70"_s});
    QTest::keyClick(view.treeView(), Qt::Key_Menu);
    QCOMPARE(menu.size(), 2);

    QTest::keyClicks(view.filterEdit(), u"comments"_s);
    QVERIFY(view.treeView()->model()->rowCount() < 6);
    QTest::keyClick(view.filterEdit(), Qt::Key_Escape);
    QVERIFY(view.filterEdit()->text().isEmpty());
    QCOMPARE(view.treeView()->model()->rowCount(), 6);
    view.filterEdit()->setText(u"comments"_s);
    QTest::keyClick(view.treeView(), Qt::Key_Escape); // also from the list
    QVERIFY(view.filterEdit()->text().isEmpty());
}

void tst_MainWindowEditor::viewMenuNamesZoomShortcuts()
{
    MainWindow window;
    for (const char *name : {"zoomIn", "zoomOut", "resetZoom"}) {
        QAction *action = window.action(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(action->text().contains(u"\tCtrl+"_s), qPrintable(action->text()));
    }
}

QTEST_MAIN(tst_MainWindowEditor)
#include "tst_mainwindoweditor.moc"

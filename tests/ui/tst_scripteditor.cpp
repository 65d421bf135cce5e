#include <ui/findbar.h>
#include <ui/scripteditor.h>

#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>

#include <QFile>
#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;
using namespace Retort::Ui;

namespace {

const QString script = u"-- add age\n"
                       "--\n"
                       "-- Revision ID: 3f2a9c1b7d4e\n"
                       "\n"
                       "-- migrate:upgrade\n"
                       "ALTER TABLE users ADD COLUMN age INTEGER;\n"
                       "ALTER TABLE users ADD COLUMN bio TEXT;\n"
                       "\n"
                       "-- migrate:downgrade\n"
                       "ALTER TABLE users DROP COLUMN bio;\n"_s;

QString writeScript(const QTemporaryDir &dir, const QString &text = script)
{
    const QString path = dir.filePath(u"3f2a9c1b7d4e_add_age.sql"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.toUtf8());
    return path;
}

QString fileText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RETORT_SHOTS_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u"/"_s + name);
}

} // namespace

class tst_ScriptEditor : public QObject
{
    Q_OBJECT
private slots:
    void openFileLeavesTextUnmodified();
    void openMissingFileFails();
    void appliedRevisionIsReadOnlyWithBanner();
    void ctrlSSavesPendingRevision();
    void saveRefusedWhenReadOnly();
    void mysqlDialectUsesHashCommentsAndBackslashEscapes_data();
    void mysqlDialectUsesHashCommentsAndBackslashEscapes();
    void findBarEnterFindsNextAndEscCloses();
    void showErrorMarksLine();
    void reloadsSilentlyWhenChangedOnDiskWithoutEdits();
    void offersReloadWhenChangedOnDiskWithEdits();
    void ctrlSRefusesToOverwriteNewerFileWithoutAsking();
    void titleShowsFileNameAndModifiedMarker();
    void editActionsArePresentAndWired();
    void errorAnnotationIsWrappedAndClearedOnSave();
};

namespace {
// Another program's save: written in place, as most editors do.
void writeElsewhere(const QString &path, const QString &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}
} // namespace

void tst_ScriptEditor::reloadsSilentlyWhenChangedOnDiskWithoutEdits()
{
    QTemporaryDir dir;
    const QString path = writeScript(dir);
    ScriptEditor editor;
    QVERIFY(editor.openFile(path));
    QSignalSpy reloaded(&editor, &ScriptEditor::reloadedFromDisk);
    writeElsewhere(path, u"-- changed elsewhere\n"_s + script);
    QTRY_COMPARE(editor.text(), u"-- changed elsewhere\n"_s + script);
    QCOMPARE(reloaded.size(), 1);
    QVERIFY(!editor.isModified());
    QVERIFY(!editor.isReloadOfferVisible());
}

void tst_ScriptEditor::offersReloadWhenChangedOnDiskWithEdits()
{
    QTemporaryDir dir;
    const QString path = writeScript(dir);
    ScriptEditor editor;
    editor.show();
    QVERIFY(editor.openFile(path));
    editor.textEdit()->insert(u"-- mine\n"_s);
    QVERIFY(editor.isModified());
    writeElsewhere(path, u"-- theirs\n"_s + script);
    QTRY_VERIFY(editor.isReloadOfferVisible());
    QVERIFY(editor.text().startsWith(u"-- mine"_s)); // nothing lost
    auto *reload = editor.findChild<QPushButton *>(u"reloadFromDisk"_s);
    QVERIFY(reload);
    reload->click();
    QCOMPARE(editor.text(), u"-- theirs\n"_s + script);
    QVERIFY(!editor.isModified());
    QVERIFY(!editor.isReloadOfferVisible());
}

void tst_ScriptEditor::ctrlSRefusesToOverwriteNewerFileWithoutAsking()
{
    QTemporaryDir dir;
    const QString path = writeScript(dir);
    ScriptEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(editor.openFile(path));
    editor.textEdit()->insert(u"-- mine\n"_s);
    writeElsewhere(path, u"-- theirs\n"_s);
    QVERIFY(editor.changedOnDisk());
    QVERIFY(!editor.save()); // refused, file untouched
    QCOMPARE(fileText(path), u"-- theirs\n"_s);

    editor.textEdit()->setFocus();
    QTest::keySequence(editor.textEdit(), QKeySequence::Save);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = editor.findChild<QMessageBox *>(u"overwriteNewer"_s)));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QCOMPARE(fileText(path), u"-- theirs\n"_s); // not before the answer
    auto *overwrite = box->findChild<QPushButton *>(u"overwrite"_s);
    QVERIFY(overwrite);
    overwrite->click();
    QCOMPARE(fileText(path), u"-- mine\n"_s + script);
    QVERIFY(!editor.isModified());
    QVERIFY(!editor.changedOnDisk());
}

void tst_ScriptEditor::titleShowsFileNameAndModifiedMarker()
{
    QTemporaryDir dir;
    const QString path = writeScript(dir);
    ScriptEditor editor;
    QSignalSpy titles(&editor, &ScriptEditor::titleChanged);
    QVERIFY(editor.openFile(path));
    QCOMPARE(editor.title(), u"3f2a9c1b7d4e_add_age.sql"_s);
    editor.textEdit()->insert(u"x"_s);
    QVERIFY(editor.title().startsWith(u"3f2a9c1b7d4e_add_age.sql"_s));
    QVERIFY(editor.title().contains(u"modified"_s));
    QCOMPARE(titles.last().first().toString(), editor.title());
    QVERIFY(editor.save());
    QCOMPARE(editor.title(), u"3f2a9c1b7d4e_add_age.sql"_s);
    QCOMPARE(titles.last().first().toString(), editor.title());
}

void tst_ScriptEditor::editActionsArePresentAndWired()
{
    QTemporaryDir dir;
    const QString path = writeScript(dir);
    ScriptEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(editor.openFile(path));
    QStringList names;
    for (QAction *action : editor.editActions()) {
        names << action->objectName();
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
    }
    QCOMPARE(names, (QStringList{u"editUndo"_s, u"editRedo"_s, u"editCut"_s, u"editCopy"_s,
                                 u"editPaste"_s, u"editFind"_s, u"editFindNext"_s,
                                 u"editGoToLine"_s, u"editSave"_s}));
    const auto act = [&](const QString &name) {
        for (QAction *action : editor.editActions()) {
            if (action->objectName() == name)
                action->trigger();
        }
    };
    editor.textEdit()->setCursorPosition(0, 0);
    editor.textEdit()->insert(u"zz"_s);
    act(u"editUndo"_s);
    QCOMPARE(editor.text(), script);
    act(u"editRedo"_s);
    QVERIFY(editor.text().startsWith(u"zz"_s));
    editor.textEdit()->setSelection(0, 0, 0, 2);
    act(u"editCut"_s);
    QCOMPARE(editor.text(), script);
    act(u"editPaste"_s);
    QVERIFY(editor.text().startsWith(u"zz"_s));
    act(u"editFind"_s);
    QVERIFY(editor.findBar()->isVisible());
    editor.findBar()->lineEdit()->setText(u"ALTER"_s);
    editor.textEdit()->setCursorPosition(0, 0);
    act(u"editFindNext"_s);
    int line = 0;
    int index = 0;
    editor.textEdit()->getCursorPosition(&line, &index);
    QCOMPARE(line, 5);
    act(u"editGoToLine"_s);
    QInputDialog *go = nullptr;
    QTRY_VERIFY((go = editor.findChild<QInputDialog *>(u"goToLineDialog"_s)));
    go->setIntValue(9);
    go->accept();
    editor.textEdit()->getCursorPosition(&line, &index);
    QCOMPARE(line, 8);
    act(u"editSave"_s);
    QVERIFY(!editor.isModified());
    QVERIFY(fileText(path).startsWith(u"zz"_s));
}

void tst_ScriptEditor::errorAnnotationIsWrappedAndClearedOnSave()
{
    QTemporaryDir dir;
    const QString path = writeScript(dir);
    ScriptEditor editor;
    editor.resize(400, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(editor.openFile(path));
    const QString message = u"near \"ALTER\": syntax error in a message long enough that a 400 pixel "
                            "wide editor cannot show it on one line and has to wrap it"_s;
    editor.showError(6, message);
    const QString shown = editor.textEdit()->annotation(5);
    QVERIFY2(shown.contains(u'\n'), qPrintable(shown));
    QCOMPARE(QString(shown).replace(u'\n', u' '), message);
    editor.textEdit()->insert(u"-- fixed\n"_s);
    QVERIFY(editor.save());
    QCOMPARE(editor.errorLine(), 0);
    QVERIFY(editor.textEdit()->annotation(5).isEmpty());
}

void tst_ScriptEditor::openFileLeavesTextUnmodified()
{
    QTemporaryDir dir;
    const QString path = writeScript(dir);
    ScriptEditor editor;
    QVERIFY(editor.openFile(path));
    QCOMPARE(editor.text(), script);
    QCOMPARE(editor.filePath(), path);
    QVERIFY(!editor.isModified());
    QVERIFY(!editor.isReadOnly());
    QVERIFY(!editor.isBannerVisible());
}

void tst_ScriptEditor::openMissingFileFails()
{
    QTemporaryDir dir;
    ScriptEditor editor;
    const Result<> result = editor.openFile(dir.filePath(u"nope.sql"_s));
    QVERIFY(!result);
    QVERIFY(result.error().message.contains(u"nope.sql"_s));
    QVERIFY(editor.filePath().isEmpty());
}

void tst_ScriptEditor::appliedRevisionIsReadOnlyWithBanner()
{
    QTemporaryDir dir;
    ScriptEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(editor.openFile(writeScript(dir)));
    editor.setAppliedTo(u"dev"_s);
    QVERIFY(editor.isReadOnly());
    QVERIFY(editor.isBannerVisible());
    QCOMPARE(editor.bannerText(),
             u"Applied to dev: editing an applied migration will not change the database; make a "
             "new revision instead."_s);
    editor.textEdit()->setFocus();
    QTest::keyClicks(editor.textEdit(), u"xyz"_s);
    QCOMPARE(editor.text(), script);
    editor.showError(7, u"no such column: bio"_s);
    editor.resize(640, 320);
    saveShot(&editor, u"editor-applied-error.png"_s);
    editor.clearErrors();
    editor.goToLine(1);

    editor.setAppliedTo({});
    QVERIFY(!editor.isReadOnly());
    QVERIFY(!editor.isBannerVisible());
    QTest::keyClicks(editor.textEdit(), u"xyz"_s);
    QVERIFY(editor.text().startsWith(u"xyz"_s));
}

void tst_ScriptEditor::ctrlSSavesPendingRevision()
{
    QTemporaryDir dir;
    const QString path = writeScript(dir);
    ScriptEditor editor;
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(editor.openFile(path));
    QSignalSpy saved(&editor, &ScriptEditor::saved);
    editor.textEdit()->setFocus();
    QTest::keyClicks(editor.textEdit(), u"-- note"_s);
    QTest::keyClick(editor.textEdit(), Qt::Key_Return);
    QVERIFY(editor.isModified());
    QTest::keySequence(editor.textEdit(), QKeySequence::Save);
    QCOMPARE(saved.size(), 1);
    QVERIFY(!editor.isModified());
    QCOMPARE(fileText(path), u"-- note\n"_s + script);
}

void tst_ScriptEditor::saveRefusedWhenReadOnly()
{
    QTemporaryDir dir;
    const QString path = writeScript(dir);
    ScriptEditor editor;
    QVERIFY(editor.openFile(path));
    editor.setAppliedTo(u"prod"_s);
    QVERIFY(!editor.save());
    QCOMPARE(fileText(path), script);
}

void tst_ScriptEditor::mysqlDialectUsesHashCommentsAndBackslashEscapes_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<bool>("mysqlRules");
    QTest::newRow("sqlite") << SqlDialect::SQLite << false;
    QTest::newRow("postgresql") << SqlDialect::PostgreSQL << false;
    QTest::newRow("mysql") << SqlDialect::MySQL << true;
}

void tst_ScriptEditor::mysqlDialectUsesHashCommentsAndBackslashEscapes()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(bool, mysqlRules);
    ScriptEditor editor;
    editor.setDialect(SqlDialect::MySQL);
    editor.setDialect(dialect);
    auto *lexer = qobject_cast<QsciLexerSQL *>(editor.textEdit()->lexer());
    QVERIFY(lexer);
    QCOMPARE(lexer->hashComments(), mysqlRules);
    QCOMPARE(lexer->backslashEscapes(), mysqlRules);
}

void tst_ScriptEditor::findBarEnterFindsNextAndEscCloses()
{
    QTemporaryDir dir;
    ScriptEditor editor;
    editor.resize(600, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY(editor.openFile(writeScript(dir)));
    editor.textEdit()->setFocus();
    QVERIFY(editor.findBar()->isHidden());
    QTest::keySequence(editor.textEdit(), QKeySequence::Find);
    QVERIFY(editor.findBar()->isVisible());

    QLineEdit *edit = editor.findBar()->lineEdit();
    QTRY_VERIFY(edit->hasFocus());
    QTest::keyClicks(edit, u"ALTER"_s);
    int line = -1;
    int index = -1;
    editor.textEdit()->getCursorPosition(&line, &index);
    QCOMPARE(line, 5); // typing finds the first match, 0-based line 5
    QTest::keyClick(edit, Qt::Key_Return);
    editor.textEdit()->getCursorPosition(&line, &index);
    QCOMPARE(line, 6);
    QTest::keyClick(edit, Qt::Key_Return);
    editor.textEdit()->getCursorPosition(&line, &index);
    QCOMPARE(line, 9);
    QTest::keyClick(edit, Qt::Key_Return); // wraps around
    editor.textEdit()->getCursorPosition(&line, &index);
    QCOMPARE(line, 5);
    QCOMPARE(editor.textEdit()->selectedText(), u"ALTER"_s);
    saveShot(&editor, u"editor-find.png"_s);

    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(editor.findBar()->isHidden());
    QTRY_VERIFY(editor.textEdit()->hasFocus());

    QTest::keySequence(editor.textEdit(), QKeySequence::Find);
    edit->selectAll();
    QTest::keyClicks(edit, u"no such text"_s);
    QVERIFY(!editor.findBar()->findNext());
}

void tst_ScriptEditor::showErrorMarksLine()
{
    QTemporaryDir dir;
    ScriptEditor editor;
    QVERIFY(editor.openFile(writeScript(dir)));
    editor.showError(7, u"no such column: bio"_s);
    QCOMPARE(editor.errorLine(), 7);
    QsciScintilla *text = editor.textEdit();
    QVERIFY(text->markersAtLine(6) != 0);
    QCOMPARE(text->markersAtLine(5), 0u);
    QCOMPARE(text->annotation(6), u"no such column: bio"_s);
    int line = -1;
    int index = -1;
    text->getCursorPosition(&line, &index);
    QCOMPARE(line, 6);
    QVERIFY(!editor.isModified());

    editor.clearErrors();
    QCOMPARE(editor.errorLine(), 0);
    QCOMPARE(text->markersAtLine(6), 0u);
    QVERIFY(text->annotation(6).isEmpty());
}

QTEST_MAIN(tst_ScriptEditor)

#include "tst_scripteditor.moc"

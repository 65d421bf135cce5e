#include "../common/clirunner.h"
#include "../common/projectfiles.h"
#include "../common/testdatabases.h"

#include <ui/explicittargets.h>
#include <ui/mainwindow.h>
#include <ui/outputpane.h>
#include <ui/previewdialog.h>
#include <ui/projectpythonsettings.h>
#include <ui/pythondialog.h>
#include <ui/revisiongraphmodel.h>
#include <ui/revisiongraphview.h>
#include <ui/scripteditor.h>
#include <ui/workspacecontroller.h>

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;
using namespace Retort::Ui;
using namespace RetortTest;

// retort-gui on a project made by Alembic's own `alembic init`, with SQLite, offscreen: every
// action goes through the window, and after each one the window shows where `alembic current`
// (run by /usr/bin/python3) says the database is.
class tst_AlembicGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void lifecycle();
    void upgradeAllHeadsGoesToEachById();
    void cancelledRunShowsTheRealPosition();
    void stepBackOneOfTwoRowsOnASqlProject();
    void missingInterpreterShowsInStatusBar();
    void missingAlembicShowsInStatusBar();
    void pythonSettingOrder();
    void pythonDialogRefusesABadPathMap();
    void explicitTargets_data();
    void explicitTargets();

private:
    QString makeProject();
    QTemporaryDir m_dir;
    int m_count = 0;
    QByteArray m_savedPython;
};

namespace {

// The window reloads 400 ms after versions/ changes; the reloads checked after a run must not
// be that one.
void letVersionsWatcherSettle(MainWindow &window)
{
    QTest::qWait(800);
    QTRY_VERIFY(!window.controller()->isBusy());
}

const QString python = u"/usr/bin/python3"_s;

CliResult alembic(const QStringList &args, const QString &dir)
{
    return runProgram(python, QStringList{u"-m"_s, u"alembic"_s} + args, dir);
}

// `alembic current`'s lines, sorted (several heads come in no fixed order).
QStringList alembicCurrent(const QString &dir)
{
    QStringList lines = alembic({u"current"_s}, dir).out.split(u'\n', Qt::SkipEmptyParts);
    for (QString &line : lines)
        line = line.trimmed();
    lines.sort();
    return lines;
}

bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// A revision written by Alembic itself, its empty upgrade and downgrade replaced.
QString addRevision(const QString &dir, const QString &id, const QString &message,
                    const QString &upgrade, const QString &downgrade, const QString &head = {})
{
    QStringList args{u"revision"_s, u"-m"_s, message, u"--rev-id"_s, id};
    if (!head.isEmpty())
        args << u"--head"_s << head << u"--splice"_s;
    if (alembic(args, dir).exitCode != 0)
        return {};
    const QStringList files = QDir(dir + u"/alembic/versions"_s).entryList({id + u"_*.py"_s});
    if (files.size() != 1)
        return {};
    const QString path = dir + u"/alembic/versions/"_s + files.first();
    QString text = readFile(path);
    text.replace(u"def upgrade() -> None:\n    pass"_s, u"def upgrade() -> None:\n"_s + upgrade);
    text.replace(u"def downgrade() -> None:\n    pass"_s,
                 u"def downgrade() -> None:\n"_s + downgrade);
    return writeFile(path, text) ? path : QString();
}

QString execute(const QString &sql)
{
    return u"    op.execute(\"%1\")"_s.arg(sql);
}

QString pythonVersions()
{
    return runProgram(python, {u"-c"_s, u"import sys, alembic; print('%d.%d.%d' % "
                                        "sys.version_info[:3], alembic.__version__)"_s})
        .out.trimmed();
}

QTreeWidgetItem *findOutput(QTreeWidget *list, const QString &text)
{
    const QList<QTreeWidgetItem *> items =
        list->findItems(text, Qt::MatchContains | Qt::MatchRecursive, 1);
    return items.isEmpty() ? nullptr : items.last();
}

// Runs `start` (which ends in a migration) and waits for the run to end and for the window to
// show the project as re-read afterwards. false: it did not end in time, or it failed and
// `failed` is null.
bool runAndReload(MainWindow &window, const std::function<void()> &start, bool *failed = nullptr)
{
    WorkspaceController *c = window.controller();
    QSignalSpy opened(c, &WorkspaceController::projectOpened);
    int openedAtEnd = -1;
    bool endedInFailure = false;
    // Connected before the window's own slots run: counts the reloads before the one that
    // the end of the run starts.
    const auto ended = [&] { openedAtEnd = int(opened.size()); };
    QMetaObject::Connection a = QObject::connect(c, &WorkspaceController::operationFinished, ended);
    QMetaObject::Connection b = QObject::connect(c, &WorkspaceController::operationFailed, [&] {
        endedInFailure = true;
        ended();
    });
    // As a user would: the actions are disabled while a job (a reload, the Python probe) runs.
    if (!QTest::qWaitFor([&] { return !c->isBusy(); }, 60000))
        return false;
    start();
    const bool done = QTest::qWaitFor([&] { return openedAtEnd >= 0 && opened.size() > openedAtEnd
                                                   && !c->isBusy(); },
                                      120000);
    QObject::disconnect(a);
    QObject::disconnect(b);
    if (failed)
        *failed = endedInFailure;
    else if (endedInFailure)
        qWarning("The run failed; see the output pane.");
    return done && (failed || !endedInFailure);
}

// Clicks `button` of the question box `name` once it is shown.
// Downgrade, Stamp and "… to here" ask through the preview dialog: its Run button.
bool confirmPreview(MainWindow &window)
{
    PreviewDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = window.findChild<PreviewDialog *>()) && dialog->isVisible(); },
                         30000))
        return false;
    dialog->runButton()->click();
    return true;
}

QAction *menuAction(MainWindow &window, const QString &menu, const QString &name)
{
    QMenu *found = nullptr;
    if (!QTest::qWaitFor([&] { return (found = window.findChild<QMenu *>(menu)) && found->isVisible(); },
                         10000))
        return nullptr;
    return found->findChild<QAction *>(name);
}

// For looking at: RETORT_SHOTS_DIR=dir keeps a picture of the window.
void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RETORT_SHOTS_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u"/"_s + name);
}

QStringList currentRows(const RevisionGraphModel *model)
{
    QStringList ids;
    for (const GraphRow &row : model->rows()) {
        if (row.isCurrent)
            ids << row.id;
    }
    ids.sort();
    return ids;
}

} // namespace

void tst_AlembicGui::initTestCase()
{
    RETORT_REQUIRE_TOOL(alembic({u"--version"_s}, QDir::tempPath()).exitCode == 0,
                        "alembic for /usr/bin/python3");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"RetortTest"_s);
    QCoreApplication::setApplicationName(u"tst_alembicgui"_s);
    QVERIFY(m_dir.isValid());
    m_savedPython = qgetenv("RETORT_PYTHON");
    // No __pycache__ in versions/: the window reloads when that folder changes, which would
    // hide whether it reloads after a run by itself.
    qputenv("PYTHONDONTWRITEBYTECODE", "1");
}

void tst_AlembicGui::init()
{
    QSettings().clear();
    qunsetenv("RETORT_PYTHON");
}

void tst_AlembicGui::cleanup()
{
    if (m_savedPython.isEmpty())
        qunsetenv("RETORT_PYTHON");
    else
        qputenv("RETORT_PYTHON", m_savedPython);
}

// `alembic init` plus a1 "create items" and b2 "add name", on app.db beside alembic.ini, one
// transaction per revision (so that a failing run leaves the revisions before it applied).
QString tst_AlembicGui::makeProject()
{
    const QString dir = m_dir.filePath(u"app%1"_s.arg(++m_count));
    QDir().mkpath(dir);
    if (alembic({u"init"_s, u"alembic"_s}, dir).exitCode != 0)
        return {};
    QString ini = readFile(dir + u"/alembic.ini"_s);
    ini.replace(QRegularExpression(u"^sqlalchemy\\.url = .*$"_s, QRegularExpression::MultilineOption),
                u"sqlalchemy.url = sqlite:///%1/app.db"_s.arg(dir));
    QString env = readFile(dir + u"/alembic/env.py"_s);
    env.replace(u"connection=connection, target_metadata=target_metadata"_s,
                u"connection=connection, target_metadata=target_metadata, "
                "transaction_per_migration=True"_s);
    if (!writeFile(dir + u"/alembic.ini"_s, ini) || !writeFile(dir + u"/alembic/env.py"_s, env))
        return {};
    if (addRevision(dir, u"a1"_s, u"create items"_s, execute(u"CREATE TABLE items (id INTEGER PRIMARY KEY)"_s),
                    execute(u"DROP TABLE items"_s)).isEmpty()
        || addRevision(dir, u"b2"_s, u"add name"_s,
                       execute(u"ALTER TABLE items ADD COLUMN name VARCHAR(20)"_s),
                       execute(u"ALTER TABLE items DROP COLUMN name"_s)).isEmpty())
        return {};
    return dir;
}

void tst_AlembicGui::lifecycle()
{
    const QString dir = makeProject();
    QVERIFY(!dir.isEmpty());
    const QString ini = dir + u"/alembic.ini"_s;
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(ini);
    const RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 2);
    QTRY_VERIFY(!window.controller()->isBusy());
    QCOMPARE(window.statusCurrentText(), u"Current: base"_s);

    // Project > Python...: the interpreter, stored for this project; the status bar then names
    // its Python and Alembic.
    QAction *pythonAction = window.action(u"projectPython"_s);
    QVERIFY(pythonAction && pythonAction->isEnabled());
    pythonAction->trigger();
    PythonDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<PythonDialog *>()) && dialog->isVisible());
    dialog->interpreterEdit()->setText(python);
    dialog->accept();
    QCOMPARE(ProjectPythonSettings::load(ini).setting, python);
    const QStringList versions = pythonVersions().split(u' ');
    QCOMPARE(versions.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(window.statusPythonText(),
                              u"Python %1 \u00b7 Alembic %2"_s.arg(versions.at(0), versions.at(1)),
                              30000);
    QVERIFY2(window.statusPythonToolTip().contains(python + u" (Python"_s),
             qPrintable(window.statusPythonToolTip()));

    // Upgrade to head: one head, so it goes by its id.
    QVERIFY(runAndReload(window, [&] { window.action(u"upgradeHead"_s)->trigger(); }));
    QCOMPARE(alembicCurrent(dir), QStringList{u"b2 (head)"_s});
    QCOMPARE(window.statusCurrentText(), u"Current: b2"_s);
    QCOMPARE(currentRows(model), QStringList{u"b2"_s});
    QCOMPARE(int(model->graphRow(model->rowOf(u"a1"_s)).state), int(GraphRow::State::Applied));
    QVERIFY(findOutput(window.output()->list(), u"the database is now at b2"_s));

    // Downgrade -1 from one row: b2 stepped back along its own line.
    QVERIFY(runAndReload(window, [&] {
        window.action(u"downgradeOne"_s)->trigger();
        QVERIFY(confirmPreview(window));
    }));
    QCOMPARE(alembicCurrent(dir), QStringList{u"a1"_s});
    QCOMPARE(window.statusCurrentText(), u"Current: a1"_s);
    QCOMPARE(int(model->graphRow(model->rowOf(u"b2"_s)).state), int(GraphRow::State::Pending));

    // Stamp b2 from the graph: the version table says b2, the column is not there.
    QVERIFY(window.graphView()->selectRevision(u"b2"_s));
    QVERIFY(runAndReload(window, [&] {
        window.action(u"stamp"_s)->trigger();
        QVERIFY(confirmPreview(window));
    }));
    QCOMPARE(alembicCurrent(dir), QStringList{u"b2 (head)"_s});
    QCOMPARE(window.statusCurrentText(), u"Current: b2"_s);

    // A second head from Alembic's command line: Upgrade to Head offers all heads and each one.
    QVERIFY(!addRevision(dir, u"c3"_s, u"other"_s, execute(u"CREATE TABLE other (id INTEGER)"_s),
                         execute(u"DROP TABLE other"_s), u"a1"_s).isEmpty());
    window.action(u"refresh"_s)->trigger();
    QTRY_COMPARE(model->rowCount(), 3);
    QTRY_VERIFY(!window.controller()->isBusy());
    QVERIFY(window.action(u"upgradeHead"_s)->toolTip().contains(u"Several heads"_s));
    window.action(u"upgradeHead"_s)->trigger();
    QAction *all = menuAction(window, u"upgradeHeadsMenu"_s, u"upgradeAllHeads"_s);
    QVERIFY(all);
    QCOMPARE(all->text(), u"Upgrade All Heads (c3)"_s); // b2 is reached already
    QAction *toB2 = menuAction(window, u"upgradeHeadsMenu"_s, u"upgradeToHead:b2"_s);
    QVERIFY(toB2 && !toB2->isEnabled());
    QAction *toC3 = menuAction(window, u"upgradeHeadsMenu"_s, u"upgradeToHead:c3"_s);
    QVERIFY(toC3);
    QVERIFY(runAndReload(window, [&] { toC3->trigger(); }));
    QTRY_VERIFY(!window.findChild<QMenu *>(u"upgradeHeadsMenu"_s));
    QCOMPARE(alembicCurrent(dir), (QStringList{u"b2 (head)"_s, u"c3 (head)"_s}));
    QCOMPARE(currentRows(model), (QStringList{u"b2"_s, u"c3"_s}));
    QVERIFY(window.statusCurrentText().contains(u"b2"_s)
            && window.statusCurrentText().contains(u"c3"_s));

    // Downgrade -1 from two rows asks which one; c3 steps back and b2 stays (a bare "a1" would
    // take b2 back too).
    QVERIFY(window.action(u"downgradeOne"_s)->toolTip().contains(u"choose which one"_s));
    window.action(u"downgradeOne"_s)->trigger();
    QAction *backC3 = menuAction(window, u"downgradeHeadsMenu"_s, u"downgradeHead:c3"_s);
    QVERIFY(backC3);
    QVERIFY(menuAction(window, u"downgradeHeadsMenu"_s, u"downgradeHead:b2"_s));
    QVERIFY(runAndReload(window, [&] {
        backC3->trigger();
        QVERIFY(confirmPreview(window));
    }));
    QCOMPARE(alembicCurrent(dir), QStringList{u"b2 (head)"_s});
    QCOMPARE(window.statusCurrentText(), u"Current: b2"_s);

    // Merge of the two heads, selected in the graph; the file is Alembic's.
    QTreeView *tree = window.graphView()->treeView();
    QVERIFY(window.graphView()->selectRevision(u"b2"_s));
    const QModelIndex c3 = tree->model()->index(model->rowOf(u"c3"_s), 1);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      tree->visualRect(c3).center());
    QCOMPARE(window.graphView()->selectedRevisions().size(), 2);
    QVERIFY(window.action(u"mergeHeads"_s)->isEnabled());
    QSignalSpy written(window.controller(), &WorkspaceController::revisionWritten);
    QTimer acceptMessage;
    connect(&acceptMessage, &QTimer::timeout, &window, [&] {
        if (auto *input = window.findChild<QInputDialog *>(); input && input->isVisible()) {
            input->setTextValue(u"join"_s);
            input->accept();
        }
    });
    acceptMessage.start(20);
    window.action(u"mergeHeads"_s)->trigger(); // the dialog is window-modal, not a nested loop
    QVERIFY(written.wait(30000) || written.size() == 1);
    acceptMessage.stop();
    QTRY_COMPARE(model->rowCount(), 4);
    const GraphRow merge = model->graphRow(0);
    QCOMPARE(merge.message, u"join"_s);
    QCOMPARE(QSet<QString>(merge.parents.cbegin(), merge.parents.cend()),
             (QSet<QString>{u"b2"_s, u"c3"_s}));
    const QString mergeText = readFile(merge.filePath); // script.py.mako's header
    QVERIFY2(mergeText.contains(u"Revises: b2, c3"_s) || mergeText.contains(u"Revises: c3, b2"_s),
             qPrintable(mergeText));

    // Upgrade to the one head again.
    QTRY_VERIFY(!window.controller()->isBusy());
    QVERIFY(runAndReload(window, [&] { window.action(u"upgradeHead"_s)->trigger(); }));
    QCOMPARE(alembicCurrent(dir), QStringList{merge.id + u" (head) (mergepoint)"_s});
    QCOMPARE(window.statusCurrentText(), u"Current: "_s + merge.id);
    QCOMPARE(window.statusPendingText(), u"0 pending"_s);

    // A failing revision after a good one: the good one stays applied (one transaction each),
    // and the window shows that, not where the database was before the run.
    QVERIFY(!addRevision(dir, u"e5"_s, u"good"_s, execute(u"CREATE TABLE good (id INTEGER)"_s),
                         execute(u"DROP TABLE good"_s)).isEmpty());
    const QString failing = addRevision(dir, u"f6"_s, u"fails"_s,
                                        execute(u"CREATE TABLE items (id INTEGER)"_s),
                                        execute(u"SELECT 1"_s));
    QVERIFY(!failing.isEmpty());
    window.action(u"refresh"_s)->trigger();
    QTRY_COMPARE(model->rowCount(), 6);
    letVersionsWatcherSettle(window);
    bool failed = false;
    QVERIFY(runAndReload(window, [&] { window.action(u"upgradeHead"_s)->trigger(); }, &failed));
    QVERIFY(failed);
    QCOMPARE(alembicCurrent(dir), QStringList{u"e5"_s});
    QCOMPARE(window.statusCurrentText(), u"Current: e5"_s);
    QCOMPARE(currentRows(model), QStringList{u"e5"_s});
    QCOMPARE(int(model->graphRow(model->rowOf(u"f6"_s)).state), int(GraphRow::State::Pending));
    // One sentence with the revision's file:line, which opens the editor there.
    const int line = int(readFile(failing).left(readFile(failing).indexOf(u"CREATE TABLE items"_s))
                             .count(u'\n'))
                     + 1;
    QTreeWidgetItem *error = findOutput(window.output()->list(),
                                        QFileInfo(failing).fileName() + u":%1: "_s.arg(line));
    QVERIFY2(error, qPrintable(QFileInfo(failing).fileName()));
    QVERIFY2(error->text(1).contains(u"already exists"_s), qPrintable(error->text(1)));
    QVERIFY(!findOutput(window.output()->list(), u"Traceback"_s));
    window.resize(1180, 740);
    QTest::qWait(50); // let the layouts follow the resize
    saveShot(&window, u"alembic-failed-run.png"_s);
    QTreeWidget *list = window.output()->list();
    list->scrollToItem(error);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(error).center());
    QCOMPARE(QFileInfo(window.editor()->filePath()).canonicalFilePath(),
             QFileInfo(failing).canonicalFilePath());
    QCOMPARE(window.editor()->errorLine(), line);
}

void tst_AlembicGui::upgradeAllHeadsGoesToEachById()
{
    const QString dir = makeProject();
    QVERIFY(!dir.isEmpty());
    QVERIFY(!addRevision(dir, u"c3"_s, u"other"_s, execute(u"CREATE TABLE other (id INTEGER)"_s),
                         execute(u"DROP TABLE other"_s), u"a1"_s).isEmpty());
    ProjectPythonSettings::save({dir + u"/alembic.ini"_s, python, {}, {}});
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(dir);
    const RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 3);
    QTRY_VERIFY(!window.controller()->isBusy());
    window.action(u"upgradeHead"_s)->trigger();
    QAction *all = menuAction(window, u"upgradeHeadsMenu"_s, u"upgradeAllHeads"_s);
    QVERIFY(all);
    QVERIFY(runAndReload(window, [&] { all->trigger(); }));
    QCOMPARE(alembicCurrent(dir), (QStringList{u"b2 (head)"_s, u"c3 (head)"_s}));
    QCOMPARE(currentRows(model), (QStringList{u"b2"_s, u"c3"_s}));
    QCOMPARE(window.statusPendingText(), u"0 pending"_s);
    QVERIFY(!window.action(u"upgradeHead"_s)->isEnabled());
}

// Cancel stops after the revision that is running; the window then shows that revision as
// where the database is.
void tst_AlembicGui::cancelledRunShowsTheRealPosition()
{
    const QString dir = makeProject();
    QVERIFY(!dir.isEmpty());
    // c3 sleeps long enough for Cancel to arrive while it runs; d4 then never starts.
    QVERIFY(!addRevision(dir, u"c3"_s, u"slow"_s, u"    import time\n    time.sleep(3)"_s,
                         u"    pass"_s).isEmpty());
    QVERIFY(!addRevision(dir, u"d4"_s, u"after"_s, execute(u"CREATE TABLE after (id INTEGER)"_s),
                         execute(u"DROP TABLE after"_s)).isEmpty());
    ProjectPythonSettings::save({dir + u"/alembic.ini"_s, python, {}, {}});
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(dir + u"/alembic.ini"_s);
    const RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 4);
    letVersionsWatcherSettle(window);
    QVERIFY(runAndReload(window, [&] { window.controller()->upgrade(u"a1"_s); }));
    QCOMPARE(window.statusCurrentText(), u"Current: a1"_s);

    bool failed = false;
    QVERIFY(runAndReload(window, [&] {
        QSignalSpy started(window.controller(), &WorkspaceController::stepStarted);
        window.action(u"upgradeHead"_s)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty()
                                     && started.last().at(2).toString() == u"c3"_s,
                                 30000);
        // The Cancel button of the output pane.
        const QList<QPushButton *> buttons = window.output()->findChildren<QPushButton *>();
        QVERIFY(!buttons.isEmpty() && buttons.first()->isEnabled());
        QTest::mouseClick(buttons.first(), Qt::LeftButton);
    }, &failed));
    QVERIFY(failed);
    QCOMPARE(alembicCurrent(dir), QStringList{u"c3"_s});
    QCOMPARE(window.statusCurrentText(), u"Current: c3"_s);
    QVERIFY(findOutput(window.output()->list(), u"Cancelled after"_s));
}

// The same explicit targets for Retort's own projects: "+1" from two rows is refused with the
// reason, and "-1" steps back only the chosen row.
void tst_AlembicGui::stepBackOneOfTwoRowsOnASqlProject()
{
    const QString project = copyExampleProject(m_dir.filePath(u"blog%1"_s.arg(++m_count)));
    QVERIFY(!project.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    const RevisionGraphModel *model = window.graphView()->model();
    QTRY_COMPARE(model->rowCount(), 6);
    QTRY_VERIFY(!window.controller()->isBusy());
    // Both branches of the merge e2b7a9c05d13, which start at 7c2e91d04a3b.
    QVERIFY(runAndReload(window, [&] { window.controller()->upgrade(u"9e5f3b2c1d70"_s); }));
    QVERIFY(runAndReload(window, [&] { window.controller()->upgrade(u"c81a6d4e2f95"_s); }));
    QCOMPARE(currentRows(model), (QStringList{u"9e5f3b2c1d70"_s, u"c81a6d4e2f95"_s}));
    QAction *upgradeOne = window.action(u"upgradeOne"_s);
    QVERIFY(!upgradeOne->isEnabled());
    QVERIFY2(upgradeOne->toolTip().startsWith(u"The database is at "_s), qPrintable(upgradeOne->toolTip()));

    window.action(u"downgradeOne"_s)->trigger();
    QAction *back = menuAction(window, u"downgradeHeadsMenu"_s, u"downgradeHead:c81a6d4e2f95"_s);
    QVERIFY(back);
    QVERIFY(runAndReload(window, [&] {
        back->trigger();
        QVERIFY(confirmPreview(window));
    }));
    QCOMPARE(currentRows(model), QStringList{u"9e5f3b2c1d70"_s});
    QCOMPARE(window.statusCurrentText(), u"Current: 9e5f3b2c1d70"_s);
    // One row again: +1 is that row's one child, by id.
    QVERIFY(upgradeOne->isEnabled());
    QCOMPARE(upgradeOne->toolTip(), u"Upgrade to e2b7a9c05d13"_s);
}

void tst_AlembicGui::missingInterpreterShowsInStatusBar()
{
    const QString dir = makeProject();
    QVERIFY(!dir.isEmpty());
    const QString missing = m_dir.filePath(u"no-such-python"_s);
    qputenv("RETORT_PYTHON", missing.toUtf8());
    MainWindow window;
    window.openProject(dir);
    // The graph and the database's rows need no Python.
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 2);
    QCOMPARE(window.statusCurrentText(), u"Current: base"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusPythonText().contains(missing), 30000);
    QVERIFY2(window.statusPythonText().startsWith(u"RETORT_PYTHON is "_s),
             qPrintable(window.statusPythonText()));
    QVERIFY(window.statusPythonToolTip().contains(window.statusPythonText()));
}

void tst_AlembicGui::missingAlembicShowsInStatusBar()
{
    const QString dir = makeProject();
    QVERIFY(!dir.isEmpty());
    // A Python that cannot import Alembic: isolated from site-packages.
    const QString bare = m_dir.filePath(u"bare-python"_s);
    QVERIFY(writeFile(bare, u"#!/bin/sh\nexec %1 -I -S \"$@\"\n"_s.arg(python)));
    QFile::setPermissions(bare, QFile::permissions(bare) | QFileDevice::ExeOwner);
    ProjectPythonSettings::save({dir + u"/alembic.ini"_s, bare, {}, {}});
    MainWindow window;
    window.openProject(dir);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusPythonToolTip().contains(u"No module named 'alembic'"_s),
                             30000);
    QVERIFY2(window.statusPythonText().startsWith(u"Alembic is not installed in the Python interpreter"_s),
             qPrintable(window.statusPythonText()));
}

// RETORT_PYTHON wins over the project's setting, which wins over .venv, as the dialog says.
void tst_AlembicGui::pythonSettingOrder()
{
    const QString dir = makeProject();
    QVERIFY(!dir.isEmpty());
    const QString ini = dir + u"/alembic.ini"_s;
    // Links keep their own name in sys.executable, so the status bar says which one ran.
    const QString venv = dir + u"/.venv/bin/python"_s;
    const QString setting = m_dir.filePath(u"setting-python%1"_s.arg(m_count));
    QVERIFY(QDir().mkpath(dir + u"/.venv/bin"_s));
    QVERIFY(QFile::link(python, venv));
    QVERIFY(QFile::link(python, setting));
    ProjectPythonSettings::save({ini, setting, {}, {}});
    qputenv("RETORT_PYTHON", python.toUtf8());

    MainWindow window;
    window.openProject(ini);
    QTRY_COMPARE(window.graphView()->model()->rowCount(), 2);
    const auto ranIn = [&](const QString &program) {
        return QTest::qWaitFor([&] { return window.statusPythonToolTip().contains(
                                                program + u" (Python"_s); },
                               30000);
    };
    QVERIFY2(ranIn(python), qPrintable(window.statusPythonToolTip()));

    qunsetenv("RETORT_PYTHON");
    window.action(u"refresh"_s)->trigger();
    QVERIFY2(ranIn(setting), qPrintable(window.statusPythonToolTip()));

    ProjectPythonSettings::save({ini, {}, {}, {}});
    QVERIFY(ProjectPythonSettings::load(ini).setting.isEmpty());
    QTRY_VERIFY(!window.controller()->isBusy());
    window.action(u"refresh"_s)->trigger();
    QVERIFY2(ranIn(venv), qPrintable(window.statusPythonToolTip()));
}

void tst_AlembicGui::pythonDialogRefusesABadPathMap()
{
    PythonLocator::Options options;
    options.iniPath = u"/srv/shop/alembic.ini"_s;
    options.prefix = {u"docker"_s, u"compose"_s, u"exec"_s, u"-T"_s, u"back end"_s};
    options.pathMap = {{u"/srv/shop"_s, u"/app"_s}};
    PythonDialog dialog(options);
    QCOMPARE(dialog.prefixEdit()->text(), u"docker compose exec -T \"back end\""_s);
    QCOMPARE(dialog.options().prefix, options.prefix);
    QCOMPARE(dialog.options().pathMap, options.pathMap);
    QVERIFY(dialog.problem().isEmpty());
    dialog.pathMapEdit()->setPlainText(u"/srv/shop = /app\n/srv/other /data"_s);
    QCOMPARE(dialog.problem(),
             u"Path map line 2 is not \"host folder = container folder\": /srv/other /data"_s);
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.pathMapEdit()->setPlainText(u"/srv/shop = /app\n\n/srv/other = /data\n"_s);
    QVERIFY(dialog.problem().isEmpty());
    QCOMPARE(dialog.options().pathMap.size(), 2);
}

void tst_AlembicGui::explicitTargets_data()
{
    QTest::addColumn<QStringList>("edges"); // "child:parent1,parent2", newest first
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QStringList>("heads");
    QTest::addColumn<QString>("next");      // "!" + the start of the error
    QTest::addColumn<QStringList>("stepBack"); // per current row

    const QStringList branches{u"c:a"_s, u"b:a"_s, u"a:"_s};
    QTest::newRow("base, one base") << branches << QStringList{} << QStringList{u"c"_s, u"b"_s}
                                    << u"a"_s << QStringList{};
    QTest::newRow("branch point") << branches << QStringList{u"a"_s} << QStringList{u"c"_s, u"b"_s}
                                  << u"!Several revisions follow a (c, b)"_s
                                  << QStringList{u"base"_s};
    QTest::newRow("one row on a branch") << branches << QStringList{u"b"_s}
                                         << QStringList{u"c"_s, u"b"_s}
                                         << u"!No revision follows b"_s
                                         << QStringList{u"b@a"_s};
    QTest::newRow("two rows") << branches << QStringList{u"b"_s, u"c"_s}
                              << QStringList{u"c"_s, u"b"_s}
                              << u"!The database is at b, c"_s
                              << QStringList{u"b@a"_s, u"c@a"_s};
    QTest::newRow("merge") << QStringList{u"m:b,c"_s, u"c:a"_s, u"b:a"_s, u"a:"_s}
                           << QStringList{u"m"_s} << QStringList{u"m"_s} << u"!No revision follows m"_s
                           << QStringList{u"m@b"_s};
    QTest::newRow("two bases") << QStringList{u"y:"_s, u"x:"_s} << QStringList{u"x"_s, u"y"_s}
                               << QStringList{u"y"_s, u"x"_s} << u"!The database is at x, y"_s
                               << QStringList{u"x@base"_s, u"y@base"_s};
    QTest::newRow("unknown row") << branches << QStringList{u"zz"_s}
                                 << QStringList{u"c"_s, u"b"_s}
                                 << u"!No revision follows zz"_s << QStringList{u"zz@-1"_s};
    QTest::newRow("two bases from base") << QStringList{u"y:"_s, u"x:"_s} << QStringList{}
                                         << QStringList{u"y"_s, u"x"_s}
                                         << u"!Several revisions follow base (y, x)"_s
                                         << QStringList{};
}

void tst_AlembicGui::explicitTargets()
{
    QFETCH(QStringList, edges);
    QFETCH(QStringList, current);
    QFETCH(QStringList, heads);
    QFETCH(QString, next);
    QFETCH(QStringList, stepBack);
    QList<GraphRow> rows;
    QSet<QString> parents;
    for (const QString &edge : edges) {
        GraphRow row;
        row.id = edge.section(u':', 0, 0);
        row.parents = edge.section(u':', 1).split(u',', Qt::SkipEmptyParts);
        for (const QString &p : std::as_const(row.parents))
            parents.insert(p);
        rows << row;
    }
    for (GraphRow &row : rows)
        row.isHead = !parents.contains(row.id);
    const ExplicitTargets targets(rows, current);
    QCOMPARE(targets.heads(), heads);
    const Result<QString> found = targets.nextRevision();
    if (next.startsWith(u'!')) {
        QVERIFY(!found);
        QVERIFY2(found.error().message.startsWith(next.mid(1)), qPrintable(found.error().message));
    } else {
        QVERIFY(found);
        QCOMPARE(*found, next);
    }
    QStringList back;
    for (const QString &row : current)
        back << targets.stepBack(row);
    QCOMPARE(back, stepBack);
}

QTEST_MAIN(tst_AlembicGui)
#include "tst_alembicgui.moc"

#include "../common/alembictestproject.h"
#include "../common/testdatabases.h"

#include <engine/workspace/workspace.h>
#include <ui/alembicpreview.h>
#include <ui/linediff.h>
#include <ui/mainwindow.h>
#include <ui/pendingchangesmodel.h>
#include <ui/pendingchangespanel.h>
#include <ui/revisiongraphmodel.h>
#include <ui/revisiongraphview.h>
#include <ui/schemadiffview.h>
#include <ui/scripteditor.h>
#include <ui/workspacecontroller.h>

#include <QAbstractItemModelTester>
#include <QDialog>
#include <QDir>
#include <Qsci/qsciscintilla.h>

#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using namespace Retort;
using namespace Retort::Ui;

namespace {

bool copyDir(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QFileInfoList entries =
        QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        const QString target = to + u"/"_s + entry.fileName();
        if (entry.isDir() ? !copyDir(entry.filePath(), target)
                          : !QFile::copy(entry.filePath(), target)) {
            return false;
        }
    }
    return true;
}

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(text.toUtf8()) == text.toUtf8().size();
}

// Replaces `from` by `to` in the project's schema.sql; false when `from` is not there.
bool editSchema(const QString &project, const QString &from, const QString &to)
{
    const QString path = project + u"/schema.sql"_s;
    QString text = readFile(path);
    if (!text.contains(from))
        return false;
    return writeFile(path, text.replace(from, to));
}

// The operation row whose text contains `text`; -1 when none.
int findOperation(PendingChangesModel *model, const QString &text)
{
    for (int t = 0; t < model->rowCount(); ++t) {
        const QModelIndex table = model->index(t, 0);
        for (int r = 0; r < model->rowCount(table); ++r) {
            const QModelIndex row = model->index(r, 0, table);
            if (PendingChangesModel::operationAt(row) >= 0 && row.data().toString().contains(text))
                return PendingChangesModel::operationAt(row);
        }
    }
    return -1;
}

QStringList rowTexts(PendingChangesModel *model)
{
    QStringList texts;
    const QModelIndexList all = model->match(model->index(0, 0), Qt::DisplayRole, u"*"_s, -1,
                                             Qt::MatchWildcard | Qt::MatchRecursive);
    for (const QModelIndex &index : all)
        texts.append(index.data().toString());
    return texts;
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RETORT_SHOTS_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u"/"_s + name);
}

} // namespace

class tst_PendingChanges : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void lineDiff_data();
    void lineDiff();
    void listsPendingChangeAndFollowsSchemaFile();
    void pairsDropAndAddAsRename();
    void createsRevisionAndEmptiesAfterUpgrade();
    void notAtHeadDisablesCreate();
    void brokenSchemaShowsErrorAndOpensFile();
    void alembicModelPairsDropAndAddAndKeepsChoices();
    void alembicCreatesRevisionOfTickedOperationsOnly();
    void alembicDatabaseBehindOffersUpgradeFirst();

private:
    QString makeExample();
    // Opens the project and upgrades its database to head; the panel has compared afterwards.
    bool openAtHead(MainWindow &window, const QString &project);
    // Opens an Alembic project and waits for the panel's first Alembic comparison.
    bool openAlembic(MainWindow &window, const QString &ini);
    QTemporaryDir m_dir;
    int m_count = 0;
};

void tst_PendingChanges::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"RetortTest"_s);
    QCoreApplication::setApplicationName(u"tst_pendingchanges"_s);
    QVERIFY(m_dir.isValid());
}

void tst_PendingChanges::init()
{
    QSettings().clear();
}

QString tst_PendingChanges::makeExample()
{
    const QString dir = m_dir.filePath(u"blog%1"_s.arg(++m_count));
    if (!copyDir(QStringLiteral(RETORT_SOURCE_DIR "/resources/example"), dir))
        return {};
    return dir;
}

bool tst_PendingChanges::openAtHead(MainWindow &window, const QString &project)
{
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.findChild<QDockWidget *>(u"pendingDock"_s)->raise(); // a tab next to the graph
    window.openProject(project);
    if (!QTest::qWaitFor([&] { return window.graphView()->model()->rowCount() == 6; }, 10000))
        return false;
    QSignalSpy finished(window.controller(), &WorkspaceController::operationFinished);
    window.controller()->upgrade(u"head"_s);
    if (!finished.wait(20000))
        return false;
    PendingChangesPanel *panel = window.pendingPanel();
    // The reload after the upgrade starts a comparison: wait for one made at head.
    return QTest::qWaitFor(
        [&] {
            return !window.controller()->isBusy() && !panel->isComparing()
                   && panel->model()->comparison().atHead && !panel->model()->hasError()
                   && panel->model()->comparison().state.heads == QStringList{u"f0d4c8b1a627"_s};
        },
        20000);
}

void tst_PendingChanges::lineDiff_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QString>("kinds"); // one letter per row: s same, c changed, r removed, a added
    QTest::newRow("same") << QStringList{u"a"_s, u"b"_s} << QStringList{u"a"_s, u"b"_s} << u"ss"_s;
    QTest::newRow("added") << QStringList{u"a"_s, u"c"_s} << QStringList{u"a"_s, u"b"_s, u"c"_s}
                           << u"sas"_s;
    QTest::newRow("removed") << QStringList{u"a"_s, u"b"_s, u"c"_s} << QStringList{u"a"_s, u"c"_s}
                             << u"srs"_s;
    QTest::newRow("changed") << QStringList{u"a"_s, u"b"_s, u"c"_s}
                             << QStringList{u"a"_s, u"x"_s, u"y"_s, u"c"_s} << u"scas"_s;
    QTest::newRow("new table") << QStringList{} << QStringList{u"a"_s, u"b"_s} << u"aa"_s;
}

void tst_PendingChanges::lineDiff()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QString, kinds);
    const QList<LineDiff::Row> rows = LineDiff::sideBySide(before, after);
    QString got;
    QStringList left;
    QStringList right;
    for (const LineDiff::Row &row : rows) {
        got += row.kind == LineDiff::Kind::Same      ? u's'
               : row.kind == LineDiff::Kind::Changed ? u'c'
               : row.kind == LineDiff::Kind::Removed ? u'r'
                                                     : u'a';
        if (row.hasLeft)
            left.append(row.left);
        if (row.hasRight)
            right.append(row.right);
    }
    QCOMPARE(got, kinds);
    QCOMPARE(left, before); // nothing lost or invented on either side
    QCOMPARE(right, after);
}

void tst_PendingChanges::listsPendingChangeAndFollowsSchemaFile()
{
    const QString project = makeExample();
    QVERIFY(!project.isEmpty());
    MainWindow window;
    QVERIFY(openAtHead(window, project));
    PendingChangesPanel *panel = window.pendingPanel();
    PendingChangesModel *model = panel->model();
    QCOMPARE(model->operationCount(), 1);
    const int lastLogin = findOperation(model, u"last_login_at"_s);
    QVERIFY2(lastLogin >= 0, qPrintable(rowTexts(model).join(u" | "_s)));
    QVERIFY(rowTexts(model).contains(u"users"_s)); // grouped under its table
    QVERIFY(panel->upgradeText().contains(u"last_login_at"_s));
    QVERIFY(panel->downgradeText().contains(u"last_login_at"_s));

    // The models file changes on disk: the watcher re-compares.
    QVERIFY(editSchema(project, u"    last_login_at TIMESTAMP\n"_s,
                       u"    last_login_at TIMESTAMP,\n    nickname VARCHAR(40)\n"_s));
    QTRY_VERIFY_WITH_TIMEOUT(findOperation(model, u"nickname"_s) >= 0, 15000);
    QTRY_VERIFY(!panel->isComparing());
    QCOMPARE(model->operationCount(), 2);
    QVERIFY(panel->upgradeText().contains(u"nickname"_s));
    QVERIFY(panel->diffView()->afterText().contains(u"nickname"_s));
    QVERIFY(!panel->diffView()->beforeText().contains(u"nickname"_s));
    QVERIFY(panel->diffView()->changedRowCount() > 0);
    saveShot(&window, u"pending-two-columns.png"_s);

    // Leave one out: the preview follows.
    const int nickname = findOperation(model, u"nickname"_s);
    QStandardItem *item = model->itemFromIndex(model->indexOfOperation(nickname));
    item->setCheckState(Qt::Unchecked);
    QVERIFY(!panel->upgradeText().contains(u"nickname"_s));
    QVERIFY(panel->upgradeText().contains(u"last_login_at"_s));
    QVERIFY(!panel->diffView()->afterText().contains(u"nickname"_s));
    QCOMPARE(model->chosenOperations().size(), 1);

    // Clicking an operation highlights its statements.
    panel->tree()->setCurrentIndex(model->indexOfOperation(lastLogin));
    const QList<int> lines = panel->highlightedUpgradeLines();
    QVERIFY(!lines.isEmpty());
    const QStringList text = panel->upgradeText().split(u'\n');
    QVERIFY(text.value(lines.first()).contains(u"last_login_at"_s));

    // Saving the models again keeps what was left out; the new change comes ticked.
    QVERIFY(editSchema(project, u"    nickname VARCHAR(40)\n"_s,
                       u"    nickname VARCHAR(40),\n    karma INTEGER\n"_s));
    QTRY_VERIFY_WITH_TIMEOUT(findOperation(model, u"karma"_s) >= 0, 15000);
    QCOMPARE(model->operationCount(), 3);
    QVERIFY(!model->isTicked(findOperation(model, u"nickname"_s)));
    QVERIFY(model->isTicked(findOperation(model, u"karma"_s)));
    QVERIFY(model->isTicked(findOperation(model, u"last_login_at"_s)));
    QVERIFY(!panel->upgradeText().contains(u"nickname"_s));
    QVERIFY(panel->upgradeText().contains(u"karma"_s));
}

void tst_PendingChanges::pairsDropAndAddAsRename()
{
    const QString project = makeExample();
    MainWindow window;
    QVERIFY(openAtHead(window, project));
    PendingChangesPanel *panel = window.pendingPanel();
    PendingChangesModel *model = panel->model();
    // A mixed set: a possible rename, a dropped column, a new table and a new index.
    QVERIFY(editSchema(project, u"    bio TEXT,\n"_s, u"    about TEXT,\n"_s));
    QVERIFY(editSchema(project, u"    body TEXT NOT NULL,\n    published_at TIMESTAMP\n"_s,
                       u"    body TEXT NOT NULL\n"_s));
    QVERIFY(editSchema(project, u"CREATE INDEX ix_posts_author_id ON posts (author_id);\n"_s,
                       u"CREATE INDEX ix_posts_author_id ON posts (author_id);\n"
                       u"CREATE INDEX ix_users_display_name ON users (display_name);\n"
                       u"CREATE TABLE tags (\n    id INTEGER PRIMARY KEY,\n"
                       u"    name VARCHAR(50) NOT NULL UNIQUE\n);\n"_s));
    QTRY_VERIFY_WITH_TIMEOUT(findOperation(model, u"about"_s) >= 0, 15000);
    QCOMPARE(model->operationCount(), 6);
    QCOMPARE(window.findChild<QDockWidget *>(u"pendingDock"_s)->windowTitle(),
             u"Pending changes (6)"_s);
    QVERIFY(panel->statusText().contains(u"6 change(s) ticked"_s));
    QVERIFY(panel->statusText().contains(u"2 destructive"_s));
    QVERIFY(findOperation(model, u"published_at"_s) >= 0);
    QVERIFY(findOperation(model, u"ix_users_display_name"_s) >= 0);
    QVERIFY(rowTexts(model).contains(u"tags"_s));
    const int drop = findOperation(model, u"bio"_s);
    const int add = findOperation(model, u"about"_s);
    QVERIFY(drop >= 0);
    const QModelIndex dropIndex = model->indexOfOperation(drop);
    QVERIFY(dropIndex.data().toString().contains(u"loses data"_s));
    QCOMPARE(dropIndex.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xc6, 0x28, 0x28));
    QVERIFY(rowTexts(model).join(u'\n').contains(u"Possible rename of 'bio' to 'about'"_s));
    QVERIFY(!panel->upgradeText().contains(u"RENAME COLUMN"_s));
    panel->tree()->setCurrentIndex(dropIndex);
    saveShot(&window, u"pending-mixed-destructive.png"_s);

    QItemSelectionModel *selection = panel->tree()->selectionModel();
    selection->select(dropIndex, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection->select(model->indexOfOperation(add),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(panel->pairSelected());
    QVERIFY(model->isPaired(drop));
    QVERIFY(panel->upgradeText().contains(u"RENAME COLUMN"_s));
    QVERIFY(panel->downgradeText().contains(u"RENAME COLUMN"_s));
    QVERIFY(!panel->upgradeText().contains(u"DROP COLUMN bio"_s));
    QVERIFY(panel->statusText().contains(u"5 change(s) ticked"_s)); // the pair is one rename
    QVERIFY(panel->statusText().contains(u"1 destructive"_s));
    QVERIFY(panel->upgradeText().contains(u"DROP COLUMN published_at"_s));
    QVERIFY(!rowTexts(model).join(u'\n').contains(u"Possible rename"_s));
    saveShot(&window, u"pending-renamed.png"_s);
    auto *tabs = panel->findChild<QTabWidget *>();
    tabs->setCurrentWidget(panel->diffView());
    QVERIFY(panel->diffView()->beforeText().contains(u"bio"_s));
    QVERIFY(panel->diffView()->afterText().contains(u"about"_s));
    QVERIFY(panel->diffView()->afterText().contains(u"CREATE TABLE tags"_s));
    QVERIFY(!panel->diffView()->afterText().contains(u"published_at"_s));
    saveShot(&window, u"pending-schema-diff.png"_s);
    auto *diffButton = panel->findChild<QToolButton *>(u"pendingDiffWindow"_s);
    QVERIFY(diffButton && diffButton->isEnabled());
    diffButton->click();
    auto *dialog = panel->findChild<QDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *windowView = dialog->findChild<SchemaDiffView *>();
    QCOMPARE(windowView->afterText(), panel->diffView()->afterText());
    saveShot(dialog, u"pending-schema-diff-window.png"_s);
    tabs->setCurrentIndex(0);

    panel->tree()->setCurrentIndex(model->indexOfOperation(drop));
    QVERIFY(panel->unpairCurrent());
    QVERIFY(!panel->upgradeText().contains(u"RENAME COLUMN"_s));
    // The window follows the panel: leave the new table out.
    const int tags = findOperation(model, u"tags"_s);
    QVERIFY(tags >= 0);
    model->setTicked(tags, false);
    QVERIFY(!windowView->afterText().contains(u"CREATE TABLE tags"_s));
    QCOMPARE(windowView->afterText(), panel->diffView()->afterText());
}

void tst_PendingChanges::createsRevisionAndEmptiesAfterUpgrade()
{
    const QString project = makeExample();
    MainWindow window;
    QVERIFY(openAtHead(window, project));
    PendingChangesPanel *panel = window.pendingPanel();
    QVERIFY(!panel->createButton()->isEnabled());
    QVERIFY(panel->reasonText().contains(u"message"_s));
    panel->messageEdit()->setText(u"add last login"_s);
    QVERIFY(panel->createButton()->isEnabled());
    QVERIFY(panel->reasonText().isEmpty());

    QSignalSpy written(window.controller(), &WorkspaceController::revisionWritten);
    QTest::mouseClick(panel->createButton(), Qt::LeftButton);
    QVERIFY(written.wait(20000));
    const QString path = written.first().first().toString();
    QVERIFY(path.contains(u"add_last_login"_s));
    QVERIFY(readFile(path).contains(u"last_login_at"_s));
    QVERIFY(panel->messageEdit()->text().isEmpty());
    RevisionGraphModel *graph = window.graphView()->model();
    QTRY_COMPARE(graph->rowCount(), 7);
    const int row = graph->rowOf(window.graphView()->currentRevision());
    QVERIFY(row >= 0);
    QTRY_COMPARE(graph->graphRow(graph->rowOf(window.graphView()->currentRevision())).filePath, path);
    QCOMPARE(window.editor()->filePath(), path);
    // The new revision is pending: the database is no longer at head.
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isComparing() && !panel->model()->comparison().atHead, 15000);
    panel->messageEdit()->setText(u"again"_s);
    QVERIFY(!panel->createButton()->isEnabled());
    QVERIFY(panel->reasonText().contains(u"not at head"_s));

    QSignalSpy finished(window.controller(), &WorkspaceController::operationFinished);
    window.controller()->upgrade(u"head"_s);
    QVERIFY(finished.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isComparing() && panel->model()->comparison().atHead
                                 && panel->model()->operationCount() == 0,
                             15000);
    QCOMPARE(panel->model()->rowCount(), 0);
    QVERIFY(panel->upgradeText().isEmpty());
    QVERIFY(panel->statusText().contains(u"No pending changes"_s));
}

void tst_PendingChanges::notAtHeadDisablesCreate()
{
    const QString project = makeExample();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openProject(project);
    PendingChangesPanel *panel = window.pendingPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->operationCount() > 0 && !panel->isComparing(), 15000);
    QVERIFY(!panel->model()->comparison().atHead); // a fresh database at base
    panel->messageEdit()->setText(u"anything"_s);
    QVERIFY(!panel->createButton()->isEnabled());
    QVERIFY(panel->reasonText().contains(u"not at head"_s));
}

void tst_PendingChanges::brokenSchemaShowsErrorAndOpensFile()
{
    const QString project = makeExample();
    MainWindow window;
    QVERIFY(openAtHead(window, project));
    PendingChangesPanel *panel = window.pendingPanel();
    QVERIFY(editSchema(project, u"CREATE INDEX ix_posts_author_id ON posts (author_id);"_s,
                       u"CREATE INDEX ix_posts_author_id ON posts (author_id;"_s));
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->hasError(), 15000);
    const Error error = panel->model()->error();
    QVERIFY2(error.file.endsWith(u"schema.sql"_s), qPrintable(error.toString()));
    QVERIFY(error.line > 0);
    const QModelIndex row = panel->model()->index(0, 0);
    QVERIFY(row.data().toString().startsWith(u"schema.sql:%1: "_s.arg(error.line)));
    QCOMPARE(row.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xc6, 0x28, 0x28));
    QVERIFY(!panel->createButton()->isEnabled());
    saveShot(&window, u"pending-error.png"_s);

    QTest::mouseClick(panel->tree()->viewport(), Qt::LeftButton, {},
                      panel->tree()->visualRect(row).center());
    QTRY_COMPARE(QFileInfo(window.editor()->filePath()).fileName(), u"schema.sql"_s);
    QCOMPARE(window.editor()->errorLine(), error.line);

    // Fix it in the editor and save: the watcher re-compares and the error goes away.
    QVERIFY(!window.editor()->isReadOnly());
    QString text = window.editor()->text();
    text.replace(u"(author_id;"_s, u"(author_id);"_s);
    window.editor()->textEdit()->setText(text);
    QVERIFY(window.editor()->save());
    QTRY_VERIFY_WITH_TIMEOUT(!panel->model()->hasError() && panel->model()->operationCount() == 1,
                             15000);
    QVERIFY(findOperation(panel->model(), u"last_login_at"_s) >= 0);
}

// The model on an Alembic comparison, without Python: destructive operations unticked, a drop
// and an add of one table paired into the rename the bridge rendered, keep and renames as the
// bridge's revision wants them, and the choices kept across a re-comparison.
void tst_PendingChanges::alembicModelPairsDropAndAddAndKeepsChoices()
{
    AlembicComparison c;
    c.dialect = u"sqlite"_s;
    const auto op = [](int index, const QString &kind, const QString &table, const QString &name,
                       bool destructive) {
        AlembicOperation o;
        o.index = index;
        o.kind = kind;
        o.table = table;
        o.name = name;
        o.destructive = destructive;
        o.python = u"op.%1('%2', '%3')"_s.arg(kind, table, name);
        o.sql = u"-- %1 %2.%3"_s.arg(kind, table, name);
        return o;
    };
    c.operations = {op(0, u"add_column"_s, u"user"_s, u"name"_s, false),
                    op(1, u"drop_column"_s, u"user"_s, u"fullname"_s, true),
                    op(2, u"add_table"_s, u"hero"_s, {}, false)};
    c.operations[2].sql.clear();
    c.operations[2].sqlError = u"NotImplementedError: no offline"_s;
    c.renames = {AlembicRenamePreview{1, 0, u"op.alter_column('user', 'fullname', "
                                            "new_column_name='name')"_s,
                                      u"ALTER TABLE user RENAME fullname TO name;"_s, {}}};
    PendingChangesModel model;
    QAbstractItemModelTester tester(&model);
    model.setAlembicComparison(c);
    QVERIFY(model.isAlembic());
    QCOMPARE(model.operationCount(), 3);
    QVERIFY(model.isTicked(0) && !model.isTicked(1) && model.isTicked(2));
    QCOMPARE(model.keptOperations(), (QList<int>{0, 2}));
    QVERIFY(rowTexts(&model).contains(u"Possible rename of 'fullname' to 'name': double-click to pair"_s));
    QVERIFY(!model.canPair(0, 1)); // an add is not a drop
    QVERIFY(!model.canPair(1, 2)); // no rename to a table
    QVERIFY(model.pair(1, 0));
    QVERIFY(model.isTicked(1) && model.isTicked(0));
    QCOMPARE(model.keptOperations(), QList<int>{2});
    QCOMPARE(model.chosenRenames(), (QList<std::pair<int, int>>{{1, 0}}));
    QVERIFY(rowTexts(&model).contains(u"rename column fullname to name"_s));
    QCOMPARE(model.tickedCount(), 2);
    QCOMPARE(model.destructiveChosenCount(), 0); // a rename keeps the data

    const AlembicPreview preview = AlembicPreview::build(c, model.chosenEntries());
    QCOMPARE(preview.python, u"op.alter_column('user', 'fullname', new_column_name='name')\n\n"
                             "op.add_table('hero', '')"_s);
    QVERIFY2(preview.sql.startsWith(u"ALTER TABLE user RENAME fullname TO name;\n\n-- add table "
                                    "hero: cannot be rendered as offline SQL"_s),
             qPrintable(preview.sql));
    QCOMPARE(preview.pythonLines, (QList<QPair<int, int>>{{0, 0}, {2, 2}}));
    QVERIFY2(preview.notes.join(u' ').contains(u"1 ticked change(s) cannot be shown as offline SQL"_s),
             qPrintable(preview.notes.join(u' ')));

    // The models change (a new operation first): the pair and the ticks follow the operations.
    AlembicComparison again = c;
    again.operations.prepend(op(0, u"add_column"_s, u"user"_s, u"age"_s, false));
    for (int i = 0; i < again.operations.size(); ++i)
        again.operations[i].index = i;
    again.renames = {AlembicRenamePreview{2, 1, c.renames.first().python, c.renames.first().sql, {}}};
    model.setItemData(model.indexOfOperation(2), {{Qt::CheckStateRole, Qt::Unchecked}});
    QVERIFY(!model.isTicked(2));
    model.setAlembicComparison(again);
    QCOMPARE(model.chosenRenames(), (QList<std::pair<int, int>>{{2, 1}}));
    QVERIFY(model.isTicked(0) && !model.isTicked(3));
    QCOMPARE(model.keptOperations(), QList<int>{0});
}

namespace {

const char *const alembicPython = "/usr/bin/python3";

bool hasAlembic()
{
    QProcess p;
    p.start(QString::fromLatin1(alembicPython), {u"-c"_s, u"import alembic, sqlmodel"_s});
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// The project's Python for the workspace, restored when the test ends.
auto usePython()
{
    const QByteArray saved = qgetenv("RETORT_PYTHON");
    qputenv("RETORT_PYTHON", alembicPython);
    return qScopeGuard([saved] {
        if (saved.isNull())
            qunsetenv("RETORT_PYTHON");
        else
            qputenv("RETORT_PYTHON", saved);
    });
}

QStringList pythonFiles(const RetortTest::AlembicTestProject &project)
{
    return QDir(project.path(u"migrations/versions"_s)).entryList({u"*.py"_s}, QDir::Files);
}

} // namespace

bool tst_PendingChanges::openAlembic(MainWindow &window, const QString &ini)
{
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    window.findChild<QDockWidget *>(u"pendingDock"_s)->raise();
    window.openProject(ini);
    PendingChangesPanel *panel = window.pendingPanel();
    return QTest::qWaitFor(
        [&] {
            return !window.controller()->isBusy() && !panel->isComparing()
                   && (panel->model()->isAlembic() || panel->model()->hasError());
        },
        30000);
}

// Issue #15 point 6: Alembic's own autogenerate reviewed in the panel. The models add two tables
// and drop one; the drop comes unticked, one addition is unticked by hand, and the file that
// Alembic writes has the remaining one only (and the import of sqlmodel Retort adds).
void tst_PendingChanges::alembicCreatesRevisionOfTickedOperationsOnly()
{
    RETORT_REQUIRE_TOOL(hasAlembic(), "alembic and sqlmodel for /usr/bin/python3");
    const auto restore = usePython();
    RetortTest::AlembicTestProject project;
    project.addRevision(u"a1"_s, u"None"_s, u"legacy"_s);
    {
        const Result<Workspace> ws = Workspace::open(project.ini());
        QVERIFY(ws);
        NullProgressSink sink;
        const Result<RunReport> upgraded = ws->upgrade(u"head"_s, sink);
        QVERIFY2(upgraded, qPrintable(upgraded ? QString() : upgraded.error().toString()));
    }
    project.addModels();
    MainWindow window;
    QVERIFY(openAlembic(window, project.ini()));
    PendingChangesPanel *panel = window.pendingPanel();
    PendingChangesModel *model = panel->model();
    QVERIFY2(!model->hasError(), qPrintable(model->error().toString()));
    QCOMPARE(model->operationCount(), 3);
    QVERIFY(panel->bannerText().isEmpty());
    const QString person = project.table(u"person"_s);
    const QString item = project.table(u"item"_s);
    const QString legacy = project.table(u"legacy"_s);
    const int drop = findOperation(model, u"drop table "_s + legacy);
    const int addPerson = findOperation(model, u"add table "_s + person);
    const int addItem = findOperation(model, u"add table "_s + item);
    QVERIFY2(drop >= 0 && addPerson >= 0 && addItem >= 0, qPrintable(rowTexts(model).join(u'|')));
    QVERIFY(rowTexts(model).contains(u"drop table %1 (loses data)"_s.arg(legacy)));
    // Data loss is opt-in.
    QVERIFY(!model->isTicked(drop));
    QVERIFY(model->isTicked(addPerson) && model->isTicked(addItem));
    QVERIFY(panel->tabs()->isTabVisible(3) && !panel->tabs()->isTabVisible(0));
    QVERIFY2(panel->pythonText().contains(u"op.create_table('%1'"_s.arg(item)),
             qPrintable(panel->pythonText()));
    QVERIFY(!panel->pythonText().contains(u"drop_table"_s));
    QVERIFY2(panel->offlineSqlText().contains(u"CREATE TABLE %1"_s.arg(person)),
             qPrintable(panel->offlineSqlText()));
    // The pitfall every SQLModel user meets, said before the file exists.
    QVERIFY2(panel->noteText().contains(u"import sqlmodel"_s), qPrintable(panel->noteText()));

    // Untick the item table (as a click on its check box does).
    QStandardItem *itemRow = model->itemFromIndex(model->indexOfOperation(addItem));
    itemRow->setCheckState(Qt::Unchecked);
    QVERIFY(!model->isTicked(addItem));
    QVERIFY(!panel->pythonText().contains(u"'%1'"_s.arg(item)));
    QVERIFY(panel->statusText().contains(u"1 of 3"_s));
    saveShot(&window, u"alembic-pending.png"_s);

    panel->messageEdit()->setText(u"people"_s);
    QVERIFY2(panel->createButton()->isEnabled(), qPrintable(panel->reasonText()));
    QSignalSpy written(window.controller(), &WorkspaceController::revisionWritten);
    QTest::mouseClick(panel->createButton(), Qt::LeftButton);
    QVERIFY(written.wait(30000));
    const QString path = written.first().first().toString();
    const QString text = readFile(path);
    QVERIFY2(text.contains(u"op.create_table('%1'"_s.arg(person)), qPrintable(text));
    QVERIFY2(!text.contains(item) && !text.contains(legacy), qPrintable(text));
    QVERIFY2(text.contains(u"\nimport sqlmodel\n"_s), qPrintable(text));
    QVERIFY2(panel->noteText().contains(u"Added \"import sqlmodel\""_s), qPrintable(panel->noteText()));
    QCOMPARE(pythonFiles(project).size(), 2);

    // The new revision is pending: the re-comparison finds the database behind. Upgrading runs
    // the file (Alembic imports it), and what was left out is listed again.
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isComparing() && !panel->bannerText().isEmpty(), 30000);
    QCOMPARE(model->operationCount(), 0);
    QSignalSpy finished(window.controller(), &WorkspaceController::operationFinished);
    QTest::mouseClick(panel->upgradeFirstButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isBusy() && !panel->isComparing()
                                 && panel->bannerText().isEmpty() && model->operationCount() == 2,
                             30000);
    QVERIFY(findOperation(model, u"add table "_s + item) >= 0);
    QVERIFY(findOperation(model, u"drop table "_s + legacy) >= 0);
    QVERIFY(findOperation(model, u"add table "_s + person) < 0);
}

// "Target database is not up to date": said in a banner with the way out, Create disabled.
void tst_PendingChanges::alembicDatabaseBehindOffersUpgradeFirst()
{
    RETORT_REQUIRE_TOOL(hasAlembic(), "alembic and sqlmodel for /usr/bin/python3");
    const auto restore = usePython();
    RetortTest::AlembicTestProject project;
    project.addRevision(u"a1"_s, u"None"_s, u"legacy"_s);
    project.addModels();
    MainWindow window;
    QVERIFY(openAlembic(window, project.ini()));
    PendingChangesPanel *panel = window.pendingPanel();
    QVERIFY2(!panel->model()->hasError(), qPrintable(panel->model()->error().toString()));
    QVERIFY2(panel->bannerText().contains(u"behind: it is at base, the head is a1"_s),
             qPrintable(panel->bannerText()));
    QVERIFY(panel->upgradeFirstButton()->isEnabled());
    panel->messageEdit()->setText(u"anything"_s);
    QVERIFY(!panel->createButton()->isEnabled());
    QVERIFY2(panel->reasonText().contains(u"behind"_s), qPrintable(panel->reasonText()));
    saveShot(&window, u"alembic-behind.png"_s);

    QSignalSpy finished(window.controller(), &WorkspaceController::operationFinished);
    QTest::mouseClick(panel->upgradeFirstButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30000));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isComparing() && panel->bannerText().isEmpty()
                                 && panel->model()->operationCount() == 3,
                             30000);
    QVERIFY(panel->createButton()->isEnabled());
    QCOMPARE(pythonFiles(project).size(), 1); // nothing written
}

QTEST_MAIN(tst_PendingChanges)
#include "tst_pendingchanges.moc"

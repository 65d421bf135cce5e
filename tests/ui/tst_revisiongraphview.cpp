#include <ui/graphlanes.h>
#include <ui/revisiongraphmodel.h>
#include <ui/revisiongraphview.h>

#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using namespace Retort::Ui;

namespace {

GraphRow row(const QString &id, const QStringList &parents, const QString &message,
             GraphRow::State state = GraphRow::State::Pending)
{
    GraphRow r;
    r.id = id;
    r.parents = parents;
    r.message = message;
    r.state = state;
    r.createDate = u"2026-11-24 03:00:00.123456"_s;
    return r;
}

// A small graph with every kind of node and edge.
// r9999 (newest) .. r0, a chain with a merge every 50 revisions, which keeps a second lane busy.
QList<GraphRow> tenThousandRows()
{
    QList<GraphRow> rows;
    rows.reserve(10000);
    for (int i = 9999; i >= 0; --i) {
        QStringList parents;
        if (i > 0)
            parents.append(u"r%1"_s.arg(i - 1));
        if (i % 50 == 49)
            parents.append(u"r%1"_s.arg(i - 25));
        rows.append(row(u"r%1"_s.arg(i), parents, u"revision %1"_s.arg(i)));
    }
    return rows;
}

QList<GraphRow> sampleRows()
{
    using S = GraphRow::State;
    QList<GraphRow> rows{
        row(u"f0d4c8b1a627"_s, {u"e2b7a9c05d13"_s}, u"index comments by post"_s),
        row(u"aa11bb22cc33"_s, {u"9e5f3b2c1d70"_s}, u"moderation flags"_s),
        row(u"e2b7a9c05d13"_s, {u"9e5f3b2c1d70"_s, u"c81a6d4e2f95"_s}, u"merge"_s, S::Applied),
        row(u"9e5f3b2c1d70"_s, {u"7c2e91d04a3b"_s}, u"add comments"_s, S::EditedAfterApplied),
        row(u"c81a6d4e2f95"_s, {u"7c2e91d04a3b"_s}, u"add bio"_s, S::Applied),
        row(u"7c2e91d04a3b"_s, {u"4b1d2e6f8a10"_s}, u"create posts table"_s, S::Applied),
        row(u"4b1d2e6f8a10"_s, {}, u"create users table"_s, S::Applied),
    };
    rows[0].isHead = true;
    rows[1].isHead = true;
    rows[1].dependsOn = {u"c81a6d4e2f95"_s};
    rows[1].branchLabels = {u"moderation"_s};
    rows[2].isCurrent = true;
    rows[3].branchLabels = {u"comments"_s};
    return rows;
}

void clickRow(QTreeView *tree, int row, Qt::KeyboardModifiers modifiers = {})
{
    const QRect rect = tree->visualRect(tree->model()->index(row, RevisionGraphModel::IdColumn));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, modifiers, rect.center());
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RETORT_SHOTS_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u"/"_s + name);
}

} // namespace

class tst_RevisionGraphView : public QObject
{
    Q_OBJECT
private slots:
    void mouseSelectionWithCtrlClick();
    void keyboardMovesCurrentRevision();
    void filterBoxHidesRowsAndKeepsSelectionApi();
    void zoomWithKeysAndCtrlWheel();
    void tenThousandRowsSetScrollAndSelect();
    void filterOnTenThousandRowsKeepsSelectionAndEdges();
};

void tst_RevisionGraphView::mouseSelectionWithCtrlClick()
{
    RevisionGraphView view;
    view.resize(700, 300);
    view.setRows(sampleRows());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    saveShot(&view, u"graphview.png"_s);
    QSignalSpy current(&view, &RevisionGraphView::currentRevisionChanged);
    QTreeView *tree = view.treeView();

    clickRow(tree, 0);
    QCOMPARE(view.currentRevision(), u"f0d4c8b1a627"_s);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.last().at(0).toString(), u"f0d4c8b1a627"_s);
    clickRow(tree, 1, Qt::ControlModifier);
    QCOMPARE(view.selectedRevisions(), (QStringList{u"f0d4c8b1a627"_s, u"aa11bb22cc33"_s}));
    clickRow(tree, 4, Qt::ControlModifier);
    QCOMPARE(view.selectedRevisions(),
             (QStringList{u"f0d4c8b1a627"_s, u"aa11bb22cc33"_s, u"c81a6d4e2f95"_s}));
    clickRow(tree, 1, Qt::ControlModifier);
    QCOMPARE(view.selectedRevisions(), (QStringList{u"f0d4c8b1a627"_s, u"c81a6d4e2f95"_s}));
    clickRow(tree, 3);
    QCOMPARE(view.selectedRevisions(), QStringList{u"9e5f3b2c1d70"_s});
}

void tst_RevisionGraphView::keyboardMovesCurrentRevision()
{
    RevisionGraphView view;
    view.setRows(sampleRows());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.selectRevision(u"e2b7a9c05d13"_s));
    view.treeView()->setFocus();
    QTest::keyClick(view.treeView(), Qt::Key_Down);
    QCOMPARE(view.currentRevision(), u"9e5f3b2c1d70"_s);
    QTest::keyClick(view.treeView(), Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(view.selectedRevisions(), (QStringList{u"9e5f3b2c1d70"_s, u"c81a6d4e2f95"_s}));
    QTest::keyClick(view.treeView(), Qt::Key_Home);
    QCOMPARE(view.currentRevision(), u"f0d4c8b1a627"_s);
    QTest::keyClick(view.treeView(), Qt::Key_End);
    QCOMPARE(view.currentRevision(), u"4b1d2e6f8a10"_s);
    QVERIFY(!view.selectRevision(u"not-there"_s));
}

void tst_RevisionGraphView::filterBoxHidesRowsAndKeepsSelectionApi()
{
    RevisionGraphView view;
    view.setRows(sampleRows());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::keyClicks(view.filterEdit(), u"comments"_s);
    QAbstractItemModel *shown = view.treeView()->model();
    QCOMPARE(shown->rowCount(), 2); // message "index comments by post", label "comments"
    QCOMPARE(shown->index(0, 0).data(RevisionGraphModel::IdRole).toString(), u"f0d4c8b1a627"_s);
    QCOMPARE(shown->index(1, 0).data(RevisionGraphModel::IdRole).toString(), u"9e5f3b2c1d70"_s);
    // Joined through the hidden merge e2b7a9c05d13: an edge down from the head to 9e5f3b2c1d70.
    const auto lanes = [shown](int row) {
        return shown->index(row, 0).data(RevisionGraphModel::LanesRole).value<GraphLanes>();
    };
    QCOMPARE(lanes(0).segments, (QList<LaneSegment>{{LaneSegment::Part::Down, 0, false}}));
    QCOMPARE(lanes(1).segments, (QList<LaneSegment>{{LaneSegment::Part::Up, 0, false}}));
    saveShot(&view, u"graphview-filtered.png"_s);
    QVERIFY(!view.selectRevision(u"4b1d2e6f8a10"_s)); // filtered out
    QVERIFY(view.selectRevision(u"9e5f3b2c1d70"_s));
    QCOMPARE(view.selectedRevisions(), QStringList{u"9e5f3b2c1d70"_s});
    view.filterEdit()->clear();
    QCOMPARE(shown->rowCount(), 7);
    QCOMPARE(view.currentRevision(), u"9e5f3b2c1d70"_s);
}

void tst_RevisionGraphView::zoomWithKeysAndCtrlWheel()
{
    RevisionGraphView view;
    view.setRows(sampleRows());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTreeView *tree = view.treeView();
    tree->setFocus();
    const int height = tree->visualRect(tree->model()->index(0, 0)).height();
    QTest::keyClick(tree, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(view.zoom() > 1.0);
    QTRY_VERIFY(tree->visualRect(tree->model()->index(0, 0)).height() > height);
    QTest::keyClick(tree, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(tree, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(view.zoom() < 1.0);
    QTRY_VERIFY(tree->visualRect(tree->model()->index(0, 0)).height() < height);

    const double before = view.zoom();
    const QPoint pos = tree->viewport()->rect().center();
    QWheelEvent wheel(pos, tree->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(tree->viewport(), &wheel);
    QVERIFY(view.zoom() > before);
    QTest::keyClick(tree, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view.zoom(), 1.0);
}

void tst_RevisionGraphView::tenThousandRowsSetScrollAndSelect()
{
    const QList<GraphRow> rows = tenThousandRows();
    RevisionGraphView view;
    view.resize(800, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer timer;
    timer.start();
    view.setRows(rows);
    QCOMPARE(view.model()->rowCount(), 10000);
    QVERIFY(view.treeView()->uniformRowHeights());
    QScrollBar *bar = view.treeView()->verticalScrollBar();
    for (int step = 0; step < 20; ++step) {
        bar->setValue(bar->maximum() * step / 19);
        view.treeView()->viewport()->repaint();
    }
    const qint64 ms = timer.elapsed();
    qInfo("10,000 rows: set, 20 scroll repaints in %lld ms (bench/guibench times it)", ms);
    QVERIFY(view.selectRevision(u"r0"_s));
    QCOMPARE(bar->value(), bar->maximum());
}

// Each keystroke lays out the kept rows again: the selection and the edges survive it.
void tst_RevisionGraphView::filterOnTenThousandRowsKeepsSelectionAndEdges()
{
    const QList<GraphRow> rows = tenThousandRows();
    RevisionGraphView view;
    view.resize(800, 600);
    view.setRows(rows);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.selectRevision(u"r1234"_s));
    QTreeView *tree = view.treeView();
    // "r" keeps every row, "1" about a third, then fewer and fewer; backspaces widen it again.
    // (How long a keystroke takes is measured by bench/guibench, not here.)
    const auto type = [&](const QString &text) {
        view.filterEdit()->setText(text);
        QCoreApplication::processEvents(); // the view's delayed relayout
        tree->viewport()->repaint();
    };
    for (const QString &text : {u"r"_s, u"r1"_s, u"r12"_s, u"r123"_s, u"r1234"_s, u"r123"_s,
                                u"r12"_s, u"r1"_s, u"r"_s, QString(), u"1"_s, u"revision"_s,
                                QString()}) {
        type(text);
    }
    QCOMPARE(view.currentRevision(), u"r1234"_s); // every filter above kept it
    for (const QString &text : {u"9"_s, u"49"_s, u"revision 4"_s, u"zz"_s, QString()})
        type(text);

    view.filterEdit()->setText(u"r12"_s); // r12, r120..r129, r1200..r1299: 111 rows
    QCOMPARE(tree->model()->rowCount(), 111);
    // Newest first: r1299..r1200, r129..r120, r12. r1200's nearest kept ancestor is r129,
    // 1,071 revisions further down; only r12 has none.
    QCOMPARE(tree->model()->index(99, 0).data(RevisionGraphModel::IdRole).toString(), u"r1200"_s);
    const auto down = [tree](int row) {
        const auto lanes =
            tree->model()->index(row, 0).data(RevisionGraphModel::LanesRole).value<GraphLanes>();
        return std::count_if(lanes.segments.cbegin(), lanes.segments.cend(),
                             [](const LaneSegment &s) { return s.part == LaneSegment::Part::Down; });
    };
    for (int i = 0; i + 1 < tree->model()->rowCount(); ++i)
        QVERIFY2(down(i) > 0, qPrintable(u"row %1 has no edge down"_s.arg(i)));
}

QTEST_MAIN(tst_RevisionGraphView)

#include "tst_revisiongraphview.moc"

#include <ui/graphrowbuilder.h>
#include <ui/graphsimplifier.h>
#include <ui/lanelayout.h>

#include <engine/revision/revisiongraph.h>
#include <ui/revisiongraphfilter.h>
#include <ui/revisiongraphmodel.h>

#include <QAbstractItemModelTester>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Retort::Ui;

namespace {

// "id:parent1,parent2" or "id:parents:dep1,dep2", newest first.
QList<GraphRow> parseRows(const QStringList &specs)
{
    QList<GraphRow> rows;
    for (const QString &spec : specs) {
        const QStringList parts = spec.split(u':');
        GraphRow row;
        row.id = parts.value(0);
        row.message = u"message of "_s + row.id;
        row.parents = parts.value(1).split(u',', Qt::SkipEmptyParts);
        row.dependsOn = parts.value(2).split(u',', Qt::SkipEmptyParts);
        rows.append(row);
    }
    return rows;
}

// "0: T1 U0 D0" : node lane, then segments in order; a trailing "~" marks a depends-on segment.
QString render(const GraphLanes &lanes)
{
    QString text = QString::number(lanes.nodeLane) + u":"_s;
    for (const LaneSegment &s : lanes.segments) {
        const QChar part = s.part == LaneSegment::Part::Up     ? u'U'
                           : s.part == LaneSegment::Part::Down ? u'D'
                                                               : u'T';
        text += u" "_s + part + QString::number(s.lane) + (s.dependsOn ? u"~"_s : QString());
    }
    return text;
}

// Lanes leaving a row at its bottom edge must be exactly the lanes entering the next at its top.
QSet<QPair<int, bool>> edgeLanes(const GraphLanes &lanes, LaneSegment::Part skip)
{
    QSet<QPair<int, bool>> out;
    for (const LaneSegment &s : lanes.segments) {
        if (s.part != skip)
            out.insert({s.lane, s.dependsOn});
    }
    return out;
}

} // namespace

class tst_RevisionGraphModel : public QObject
{
    Q_OBJECT
private slots:
    void lanes_data();
    void lanes();
    void lanesConnectBetweenRows_data() { lanes_data(); }
    void lanesConnectBetweenRows();
    void modelTester();
    void rolesExposeRowData();
    void tenThousandLinearRowsUseOneLane();
    void filterMatchesIdMessageAndLabel_data();
    void filterMatchesIdMessageAndLabel();
    void simplifiedLanes_data();
    void simplifiedLanes();
    void simplifiedLanesConnectBetweenRows_data() { simplifiedLanes_data(); }
    void simplifiedLanesConnectBetweenRows();
    void filterLaysOutLanesOfShownRows();
    void rowBuilderMarksStates_data();
    void rowBuilderMarksStates();
};

void tst_RevisionGraphModel::lanes_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("single") << QStringList{u"a:"_s} << QStringList{u"0:"_s};
    QTest::newRow("linear") << QStringList{u"c:b"_s, u"b:a"_s, u"a:"_s}
                            << QStringList{u"0: D0"_s, u"0: U0 D0"_s, u"0: U0"_s};
    QTest::newRow("branch") << QStringList{u"c:a"_s, u"b:a"_s, u"a:"_s}
                            << QStringList{u"0: D0"_s, u"1: T0 D1"_s, u"0: U0 U1"_s};
    QTest::newRow("merge of 3")
        << QStringList{u"m:a,b,c"_s, u"a:r"_s, u"b:r"_s, u"c:r"_s, u"r:"_s}
        << QStringList{u"0: D0 D1 D2"_s, u"0: U0 T1 T2 D0"_s, u"1: T0 U1 T2 D1"_s,
                       u"2: T0 T1 U2 D2"_s, u"0: U0 U1 U2"_s};
    QTest::newRow("criss-cross")
        << QStringList{u"m1:a,b"_s, u"m2:a,b"_s, u"a:r"_s, u"b:r"_s, u"r:"_s}
        << QStringList{u"0: D0 D1"_s, u"2: T0 T1 D2 D1"_s, u"0: U0 T1 U2 D0"_s, u"1: T0 U1 D1"_s,
                       u"0: U0 U1"_s};
    QTest::newRow("multiple bases") << QStringList{u"c:a,b"_s, u"a:"_s, u"b:"_s}
                                    << QStringList{u"0: D0 D1"_s, u"0: U0 T1"_s, u"1: U1"_s};
    QTest::newRow("two unrelated chains")
        << QStringList{u"y:x"_s, u"b:a"_s, u"x:"_s, u"a:"_s}
        << QStringList{u"0: D0"_s, u"1: T0 D1"_s, u"0: U0 T1"_s, u"1: U1"_s};
    QTest::newRow("depends-on")
        << QStringList{u"y:x:b"_s, u"x:"_s, u"b:a"_s, u"a:"_s}
        << QStringList{u"0: D0 D1~"_s, u"0: U0 T1~"_s, u"1: U1~ D1"_s, u"1: U1"_s};
    QTest::newRow("depends-on shares a lane")
        << QStringList{u"z::a"_s, u"y::a"_s, u"a:"_s}
        << QStringList{u"0: D1~"_s, u"0: T1~ D1~"_s, u"1: U1~"_s};
    QTest::newRow("missing parent not drawn") << QStringList{u"b:zz"_s, u"a:"_s}
                                              << QStringList{u"0:"_s, u"0:"_s};
    QTest::newRow("freed lane reused")
        << QStringList{u"d:a"_s, u"c:b"_s, u"b:"_s, u"e:a"_s, u"a:"_s}
        << QStringList{u"0: D0"_s, u"1: T0 D1"_s, u"1: T0 U1"_s, u"1: T0 D1"_s, u"0: U0 U1"_s};
}

void tst_RevisionGraphModel::lanes()
{
    QFETCH(QStringList, rows);
    QFETCH(QStringList, expected);
    const QList<GraphLanes> lanes = LaneLayout::compute(parseRows(rows));
    QStringList actual;
    for (const GraphLanes &l : lanes)
        actual.append(render(l));
    QCOMPARE(actual, expected);
}

void tst_RevisionGraphModel::lanesConnectBetweenRows()
{
    QFETCH(QStringList, rows);
    const QList<GraphLanes> lanes = LaneLayout::compute(parseRows(rows));
    QVERIFY(edgeLanes(lanes.first(), LaneSegment::Part::Down).isEmpty());
    for (int i = 0; i + 1 < lanes.size(); ++i) {
        QCOMPARE(edgeLanes(lanes.at(i), LaneSegment::Part::Up),
                 edgeLanes(lanes.at(i + 1), LaneSegment::Part::Down));
    }
    QVERIFY(edgeLanes(lanes.last(), LaneSegment::Part::Up).isEmpty());
}

void tst_RevisionGraphModel::modelTester()
{
    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(parseRows({u"m:a,b"_s, u"a:r"_s, u"b:r"_s, u"r:"_s}));
    QCOMPARE(model.rowCount(), 4);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
    model.setRows(parseRows({u"c:b"_s, u"b:a"_s, u"a:"_s}));

    RevisionGraphFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    filter.setText(u"of b"_s);
    QCOMPARE(filter.rowCount(), 1);
    filter.setText({});
    QCOMPARE(filter.rowCount(), 3);
}

void tst_RevisionGraphModel::rolesExposeRowData()
{
    QList<GraphRow> rows = parseRows({u"3f2a9c1b7d4e12:1a2b:0c"_s, u"1a2b:"_s, u"0c:"_s});
    rows[0].branchLabels = {u"feature"_s};
    rows[0].isHead = true;
    rows[0].state = GraphRow::State::EditedAfterApplied;
    rows[1].isCurrent = true;
    RevisionGraphModel model;
    model.setRows(rows);

    const QModelIndex top = model.index(0, RevisionGraphModel::IdColumn);
    QCOMPARE(top.data().toString(), u"3f2a9c1b7d4e"_s);
    QCOMPARE(top.data(RevisionGraphModel::IdRole).toString(), u"3f2a9c1b7d4e12"_s);
    QCOMPARE(top.data(RevisionGraphModel::LabelsRole).toStringList(), QStringList{u"feature"_s});
    QCOMPARE(top.data(RevisionGraphModel::DependsOnRole).toStringList(), QStringList{u"0c"_s});
    QCOMPARE(top.data(RevisionGraphModel::IsHeadRole).toBool(), true);
    QCOMPARE(top.data(RevisionGraphModel::StateRole).toInt(),
             int(GraphRow::State::EditedAfterApplied));
    QCOMPARE(model.index(1, 0).data(RevisionGraphModel::IsCurrentRole).toBool(), true);
    QCOMPARE(model.index(0, 0).data(RevisionGraphModel::IsCurrentRole).toBool(), false);
    QCOMPARE(model.index(0, RevisionGraphModel::MessageColumn).data().toString(),
             u"message of 3f2a9c1b7d4e12"_s);

    const auto lanes = model.index(2, 0).data(RevisionGraphModel::LanesRole).value<GraphLanes>();
    QCOMPARE(render(lanes), u"1: U1~"_s);
    QCOMPARE(model.index(2, 0).data(RevisionGraphModel::NodeLaneRole).toInt(), 1);
    QCOMPARE(model.maxLaneCount(), 2);
    QCOMPARE(model.rowOf(u"0c"_s), 2);
    QCOMPARE(model.rowOf(u"nope"_s), -1);
}

void tst_RevisionGraphModel::tenThousandLinearRowsUseOneLane()
{
    QStringList specs;
    for (int i = 10000; i > 0; --i)
        specs.append(u"r%1:r%2"_s.arg(i).arg(i - 1));
    specs.append(u"r0:"_s);
    RevisionGraphModel model;
    model.setRows(parseRows(specs));
    QCOMPARE(model.rowCount(), 10001);
    QCOMPARE(model.maxLaneCount(), 1);
}

void tst_RevisionGraphModel::filterMatchesIdMessageAndLabel_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expectedIds");
    QTest::newRow("empty keeps all") << QString() << QStringList{u"c1"_s, u"b2"_s, u"a3"_s};
    QTest::newRow("id") << u"B2"_s << QStringList{u"b2"_s};
    QTest::newRow("message") << u"users"_s << QStringList{u"a3"_s};
    QTest::newRow("label") << u"feat"_s << QStringList{u"c1"_s};
    QTest::newRow("none") << u"zzz"_s << QStringList{};
}

void tst_RevisionGraphModel::filterMatchesIdMessageAndLabel()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expectedIds);
    QList<GraphRow> rows = parseRows({u"c1:b2"_s, u"b2:a3"_s, u"a3:"_s});
    rows[0].branchLabels = {u"feature"_s};
    rows[2].message = u"create users table"_s;
    RevisionGraphModel model;
    model.setRows(rows);
    RevisionGraphFilter filter;
    filter.setSourceModel(&model);
    filter.setText(text);
    QStringList ids;
    for (int i = 0; i < filter.rowCount(); ++i)
        ids.append(filter.index(i, 0).data(RevisionGraphModel::IdRole).toString());
    QCOMPARE(ids, expectedIds);
    QCOMPARE(filter.isFiltering(), !text.isEmpty());
}

void tst_RevisionGraphModel::simplifiedLanes_data()
{
    QTest::addColumn<QStringList>("rows");     // as in lanes()
    QTest::addColumn<QStringList>("kept");     // ids
    QTest::addColumn<QStringList>("reduced");  // the kept rows, "id:parents:depends-on"
    QTest::addColumn<QStringList>("expected"); // their lanes

    QTest::newRow("all kept") << QStringList{u"c:b"_s, u"b:a"_s, u"a:"_s}
                              << QStringList{u"c"_s, u"b"_s, u"a"_s}
                              << QStringList{u"c:b:"_s, u"b:a:"_s, u"a::"_s}
                              << QStringList{u"0: D0"_s, u"0: U0 D0"_s, u"0: U0"_s};
    QTest::newRow("linear, middle hidden")
        << QStringList{u"d:c"_s, u"c:b"_s, u"b:a"_s, u"a:"_s} << QStringList{u"d"_s, u"a"_s}
        << QStringList{u"d:a:"_s, u"a::"_s} << QStringList{u"0: D0"_s, u"0: U0"_s};
    QTest::newRow("hidden head") << QStringList{u"c:b"_s, u"b:a"_s, u"a:"_s}
                                 << QStringList{u"b"_s, u"a"_s}
                                 << QStringList{u"b:a:"_s, u"a::"_s}
                                 << QStringList{u"0: D0"_s, u"0: U0"_s};
    QTest::newRow("branch: two tips and the base")
        << QStringList{u"t1:x1"_s, u"t2:y2"_s, u"x1:x0"_s, u"y2:y1"_s, u"x0:r"_s, u"y1:r"_s,
                       u"r:"_s}
        << QStringList{u"t1"_s, u"t2"_s, u"r"_s}
        << QStringList{u"t1:r:"_s, u"t2:r:"_s, u"r::"_s}
        << QStringList{u"0: D0"_s, u"1: T0 D1"_s, u"0: U0 U1"_s};
    QTest::newRow("merge of kept branches through hidden ones")
        << QStringList{u"m:x,y"_s, u"x:a"_s, u"y:b"_s, u"a:r"_s, u"b:r"_s, u"r:"_s}
        << QStringList{u"m"_s, u"a"_s, u"b"_s, u"r"_s}
        << QStringList{u"m:a,b:"_s, u"a:r:"_s, u"b:r:"_s, u"r::"_s}
        << QStringList{u"0: D0 D1"_s, u"0: U0 T1 D0"_s, u"1: T0 U1 D1"_s, u"0: U0 U1"_s};
    QTest::newRow("hidden branches collapse to one edge")
        << QStringList{u"m:x,y"_s, u"x:r"_s, u"y:r"_s, u"r:"_s} << QStringList{u"m"_s, u"r"_s}
        << QStringList{u"m:r:"_s, u"r::"_s} << QStringList{u"0: D0"_s, u"0: U0"_s};
    QTest::newRow("hidden merge fans out")
        << QStringList{u"h:m"_s, u"m:a,b"_s, u"a:"_s, u"b:"_s}
        << QStringList{u"h"_s, u"a"_s, u"b"_s} << QStringList{u"h:a,b:"_s, u"a::"_s, u"b::"_s}
        << QStringList{u"0: D0 D1"_s, u"0: U0 T1"_s, u"1: U1"_s};
    QTest::newRow("depends-on to a hidden revision")
        << QStringList{u"y:x:b"_s, u"x:"_s, u"b:a"_s, u"a:"_s}
        << QStringList{u"y"_s, u"x"_s, u"a"_s} << QStringList{u"y:x:a"_s, u"x::"_s, u"a::"_s}
        << QStringList{u"0: D0 D1~"_s, u"0: U0 T1~"_s, u"1: U1~"_s};
    QTest::newRow("depends-on that became a parent")
        << QStringList{u"y:x:a"_s, u"x:a"_s, u"a:"_s} << QStringList{u"y"_s, u"a"_s}
        << QStringList{u"y:a:"_s, u"a::"_s} << QStringList{u"0: D0"_s, u"0: U0"_s};
    QTest::newRow("parent through hidden rows that is an ancestor of another is dropped")
        << QStringList{u"h:m"_s, u"m:a,r"_s, u"a:r"_s, u"r:"_s}
        << QStringList{u"h"_s, u"a"_s, u"r"_s} << QStringList{u"h:a:"_s, u"a:r:"_s, u"r::"_s}
        << QStringList{u"0: D0"_s, u"0: U0 D0"_s, u"0: U0"_s};
    QTest::newRow("kept parents stay even when one is an ancestor of the other")
        << QStringList{u"m:a,r"_s, u"a:r"_s, u"r:"_s} << QStringList{u"m"_s, u"a"_s, u"r"_s}
        << QStringList{u"m:a,r:"_s, u"a:r:"_s, u"r::"_s}
        << QStringList{u"0: D0 D1"_s, u"0: U0 T1 D0"_s, u"0: U0 U1"_s};
    QTest::newRow("depends-on through hidden rows to an ancestor is dropped")
        << QStringList{u"y:x:c"_s, u"x:b"_s, u"c:b"_s, u"b:"_s}
        << QStringList{u"y"_s, u"x"_s, u"b"_s} << QStringList{u"y:x:"_s, u"x:b:"_s, u"b::"_s}
        << QStringList{u"0: D0"_s, u"0: U0 D0"_s, u"0: U0"_s};
    QTest::newRow("kept depends-on stays")
        << QStringList{u"y:x:b"_s, u"x:b"_s, u"b:"_s} << QStringList{u"y"_s, u"x"_s, u"b"_s}
        << QStringList{u"y:x:b"_s, u"x:b:"_s, u"b::"_s}
        << QStringList{u"0: D0 D1~"_s, u"0: U0 T1~ D0"_s, u"0: U0 U1~"_s};
    QTest::newRow("unrelated kept rows") << QStringList{u"b:a"_s, u"z:"_s, u"a:"_s}
                                         << QStringList{u"b"_s, u"z"_s}
                                         << QStringList{u"b::"_s, u"z::"_s}
                                         << QStringList{u"0:"_s, u"0:"_s};
}

void tst_RevisionGraphModel::simplifiedLanes()
{
    QFETCH(QStringList, rows);
    QFETCH(QStringList, kept);
    QFETCH(QStringList, reduced);
    QFETCH(QStringList, expected);
    const QList<GraphRow> all = parseRows(rows);
    QList<bool> keep;
    for (const GraphRow &row : all)
        keep.append(kept.contains(row.id));
    const QList<GraphRow> simplified = GraphSimplifier::simplify(all, keep);
    QStringList actualReduced;
    QStringList actualLanes;
    for (const GraphRow &row : simplified) {
        actualReduced.append(row.id + u":"_s + row.parents.join(u',') + u":"_s
                             + row.dependsOn.join(u','));
        QCOMPARE(row.message, u"message of "_s + row.id); // the rest is untouched
    }
    for (const GraphLanes &l : LaneLayout::compute(simplified))
        actualLanes.append(render(l));
    QCOMPARE(actualReduced, reduced);
    QCOMPARE(actualLanes, expected);
}

void tst_RevisionGraphModel::simplifiedLanesConnectBetweenRows()
{
    QFETCH(QStringList, rows);
    QFETCH(QStringList, kept);
    const QList<GraphRow> all = parseRows(rows);
    QList<bool> keep;
    for (const GraphRow &row : all)
        keep.append(kept.contains(row.id));
    const QList<GraphLanes> lanes = LaneLayout::compute(GraphSimplifier::simplify(all, keep));
    QVERIFY(edgeLanes(lanes.first(), LaneSegment::Part::Down).isEmpty());
    for (int i = 0; i + 1 < lanes.size(); ++i) {
        QCOMPARE(edgeLanes(lanes.at(i), LaneSegment::Part::Up),
                 edgeLanes(lanes.at(i + 1), LaneSegment::Part::Down));
    }
    QVERIFY(edgeLanes(lanes.last(), LaneSegment::Part::Up).isEmpty());
}

// The filter's lane roles describe the graph as shown; the source model's stay whole.
void tst_RevisionGraphModel::filterLaysOutLanesOfShownRows()
{
    QList<GraphRow> rows = parseRows({u"t1:x1"_s, u"t2:y1"_s, u"x1:r"_s, u"y1:r"_s, u"r:"_s});
    rows[0].message = u"tip one"_s;
    rows[1].message = u"tip two"_s;
    rows[4].branchLabels = {u"tip base"_s};
    RevisionGraphModel model;
    model.setRows(rows);
    RevisionGraphFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto shownLanes = [&filter] {
        QStringList out;
        for (int i = 0; i < filter.rowCount(); ++i) {
            const QModelIndex index = filter.index(i, RevisionGraphModel::GraphColumn);
            const auto lanes = index.data(RevisionGraphModel::LanesRole).value<GraphLanes>();
            const bool rolesAgree =
                index.data(RevisionGraphModel::NodeLaneRole).toInt() == lanes.nodeLane
                && index.data(RevisionGraphModel::LaneCountRole).toInt() == lanes.laneCount;
            out.append(index.data(RevisionGraphModel::IdRole).toString() + u" "_s + render(lanes)
                       + (rolesAgree ? QString() : u" (lane roles disagree)"_s));
        }
        return out;
    };
    QCOMPARE(filter.maxLaneCount(), 2);

    filter.setText(u"tip"_s);
    QCOMPARE(shownLanes(), (QStringList{u"t1 0: D0"_s, u"t2 1: T0 D1"_s, u"r 0: U0 U1"_s}));
    QCOMPARE(filter.maxLaneCount(), 2);
    QCOMPARE(render(model.lanes(1)), u"1: T0 D1"_s);   // the whole graph's lanes are kept
    QCOMPARE(filter.index(0, 0).data(RevisionGraphModel::ParentsRole).toStringList(),
             QStringList{u"x1"_s});                   // and so are the real parents

    filter.setText(u"tip one"_s);
    QCOMPARE(shownLanes(), QStringList{u"t1 0:"_s});
    QCOMPARE(filter.maxLaneCount(), 1);

    // New rows while the filter is on are laid out again.
    filter.setText(u"TIP"_s);
    rows.prepend(parseRows({u"t3:t1"_s}).first());
    rows[0].message = u"tip three"_s;
    model.setRows(rows);
    QCOMPARE(shownLanes(),
             (QStringList{u"t3 0: D0"_s, u"t1 0: U0 D0"_s, u"t2 1: T0 D1"_s, u"r 0: U0 U1"_s}));

    filter.setText({});
    QCOMPARE(filter.rowCount(), 6);
    for (int i = 0; i < filter.rowCount(); ++i) {
        QCOMPARE(filter.index(i, 0).data(RevisionGraphModel::LanesRole).value<GraphLanes>(),
                 model.lanes(i));
    }
}

void tst_RevisionGraphModel::rowBuilderMarksStates_data()
{
    QTest::addColumn<QStringList>("currentHeads");
    QTest::addColumn<QStringList>("edited");
    QTest::addColumn<QStringList>("expected"); // "id state [head] [current]", in RevisionGraph::topologicalOrder()
    QTest::newRow("nothing applied")
        << QStringList{} << QStringList{}
        << QStringList{u"c pending head"_s, u"d pending head"_s, u"b pending"_s, u"a pending"_s};
    QTest::newRow("at b")
        << QStringList{u"b"_s} << QStringList{}
        << QStringList{u"c pending head"_s, u"d pending head"_s, u"b applied current"_s,
                       u"a applied"_s};
    QTest::newRow("at c and d, a edited")
        << QStringList{u"c"_s, u"d"_s} << QStringList{u"a"_s}
        << QStringList{u"c applied head current"_s, u"d applied head current"_s, u"b applied"_s,
                       u"a edited"_s};
    QTest::newRow("unknown row in the version table")
        << QStringList{u"zz"_s} << QStringList{}
        << QStringList{u"zz orphan current"_s, u"c pending head"_s, u"d pending head"_s,
                       u"b pending"_s, u"a pending"_s};
}

void tst_RevisionGraphModel::rowBuilderMarksStates()
{
    QFETCH(QStringList, currentHeads);
    QFETCH(QStringList, edited);
    QFETCH(QStringList, expected);
    QList<Retort::Revision> revisions;
    for (const QString &spec : {u"a:"_s, u"b:a"_s, u"c:b"_s, u"d:b"_s}) {
        Retort::Revision r;
        r.id = spec.section(u':', 0, 0);
        r.parents = spec.section(u':', 1).split(u',', Qt::SkipEmptyParts);
        r.message = r.id;
        revisions.append(r);
    }
    const auto graph = Retort::RevisionGraph::build(revisions);
    QVERIFY(graph);
    const QList<GraphRow> rows = GraphRowBuilder::build(
        *graph, currentHeads, QSet<QString>(edited.cbegin(), edited.cend()));
    QStringList actual;
    for (const GraphRow &row : rows) {
        static const char *names[] = {"pending", "applied", "edited", "orphan"};
        QString text = row.id + u" "_s + QLatin1StringView(names[int(row.state)]);
        if (row.isHead)
            text += u" head"_s;
        if (row.isCurrent)
            text += u" current"_s;
        actual.append(text);
    }
    QCOMPARE(actual, expected);
}

QTEST_MAIN(tst_RevisionGraphModel)

#include "tst_revisiongraphmodel.moc"

#include "../common/testdatabases.h"
#include "alembicoracle.h"
#include "graphspec.h"
#include "oraclecomparison.h"

#include <engine/revision/revisiongraph.h>
#include <engine/runner/migrationplanner.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace Retort;
using namespace Qt::Literals::StringLiterals;

namespace {

RevisionGraph graphOf(const QStringList &specs)
{
    const Result<RevisionGraph> g = RevisionGraph::build(GraphSpec::revisions(specs));
    if (!g)
        qFatal("graph does not build: %s", qPrintable(g.error().message));
    return *g;
}

// "u:rev:from1,from2>to" with changes "+ins", "-del", "old=new", e.g. "u:b:a>b:a=b".
QString describe(const MigrationPlan &plan)
{
    QStringList steps;
    for (const MigrationStep &s : plan.steps) {
        QStringList changes;
        for (const VersionChange &c : s.versionChanges) {
            switch (c.kind) {
            case VersionChange::Kind::Insert:
                changes.append(u"+"_s + c.to);
                break;
            case VersionChange::Kind::Delete:
                changes.append(u"-"_s + c.from);
                break;
            case VersionChange::Kind::Update:
                changes.append(c.from + u'=' + c.to);
                break;
            }
        }
        const QString kind = s.stamp ? u"s"_s
                             : s.direction == MigrationStep::Direction::Upgrade ? u"u"_s
                                                                                 : u"d"_s;
        steps.append(kind + u':' + s.revision + u':' + s.fromRevisions.join(u',') + u'>'
                     + s.toRevisions.join(u',') + u':' + changes.join(u' '));
    }
    return steps.join(u" | ");
}

} // namespace

class tst_MigrationPlanner : public QObject
{
    Q_OBJECT
private slots:
    void plans_data();
    void plans();
    void docsExamples_data();
    void docsExamples();
    void irreversibleRevisionStopsDowngradePlan();
    void purgeStartsFromEmptyTable();
    void stampRefusesTargetsOnOneLine_data();
    void stampRefusesTargetsOnOneLine();
    void tenThousandRevisionsPlanUpAndDown();
    void matchesAlembicOnDocumentedGraphs_data();
    void matchesAlembicOnDocumentedGraphs();
    void matchesAlembicOnRandomGraphs_data();
    void matchesAlembicOnRandomGraphs();
    void matchesAlembicWithDependsOnAcrossBranches_data();
    void matchesAlembicWithDependsOnAcrossBranches();
};

void tst_MigrationPlanner::plans_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("command"); // upgrade, downgrade, stamp, stamp-purge
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QString>("target"); // stamp: comma-separated
    QTest::addColumn<QString>("steps");  // describe(); or the error message
    QTest::addColumn<QStringList>("after");
    const QStringList line{u"a:"_s, u"b:a"_s, u"c:b"_s};
    const QStringList branch{u"a:"_s, u"b:a"_s, u"c:a"_s};
    const QStringList merge{u"a:"_s, u"b:a"_s, u"c:a"_s, u"d:b,c"_s};
    const QStringList deps{u"a:"_s, u"x:"_s, u"b:a~x"_s};
    const QStringList none;
    QTest::newRow("line to head") << line << u"upgrade"_s << none << u"head"_s
                                  << u"u:a:>a:+a | u:b:a>b:a=b | u:c:b>c:b=c"_s
                                  << QStringList{u"c"_s};
    QTest::newRow("line +1") << line << u"upgrade"_s << QStringList{u"a"_s} << u"+1"_s
                             << u"u:b:a>b:a=b"_s << QStringList{u"b"_s};
    // A branch point adds a row; Alembic finishes the branch that does not block the other.
    QTest::newRow("branch to heads") << branch << u"upgrade"_s << none << u"heads"_s
                                     << u"u:a:>a:+a | u:c:a>c:a=c | u:b:a>b:+b"_s
                                     << QStringList{u"c"_s, u"b"_s};
    QTest::newRow("head of a branch") << branch << u"upgrade"_s << none << u"head"_s
                                      << u"Multiple head revisions are present for given "
                                         "argument 'head'; please specify a specific target "
                                         "revision, '<branchname>@head' to narrow to a specific "
                                         "head, or 'heads' for all heads"_s
                                      << none;
    // A merge removes rows.
    QTest::newRow("merge") << merge << u"upgrade"_s << QStringList{u"c"_s, u"b"_s} << u"d"_s
                           << u"u:d:b,c>d:-b c=d"_s << QStringList{u"d"_s};
    // Downgrading a merge point puts the rows back.
    QTest::newRow("unmerge") << merge << u"downgrade"_s << QStringList{u"d"_s} << u"b"_s
                             << u"d:d:d>b,c:+b d=c"_s << QStringList{u"c"_s, u"b"_s};
    QTest::newRow("-1 at a merge point") << merge << u"downgrade"_s << QStringList{u"d"_s}
                                         << u"-1"_s << u"Ambiguous walk"_s << none;
    QTest::newRow("to base") << merge << u"downgrade"_s << QStringList{u"d"_s} << u"base"_s
                             << u"d:d:d>b,c:+b d=c | d:b:b>a:-b | d:c:c>a:c=a | d:a:a>:-a"_s
                             << none;
    QTest::newRow("not a downgrade target") << line << u"downgrade"_s << QStringList{u"a"_s}
                                            << u"c"_s
                                            << u"Destination c is not a valid downgrade target "
                                               "from current head(s)"_s
                                            << none;
    // As in Alembic, "upgrade" to an applied revision plans nothing.
    QTest::newRow("upgrade to older") << line << u"upgrade"_s << QStringList{u"c"_s} << u"a"_s
                                      << QString() << QStringList{u"c"_s};
    QTest::newRow("unknown current") << line << u"upgrade"_s << QStringList{u"zzzz"_s}
                                     << u"head"_s
                                     << u"Can't locate revision identified by 'zzzz'"_s << none;
    // depends-on pulls the other base in first; the dependent then merges both rows.
    QTest::newRow("depends-on") << deps << u"upgrade"_s << none << u"b"_s
                                << u"u:x:>x:+x | u:a:>a:+a | u:b:a>b:-a x=b"_s
                                << QStringList{u"b"_s};
    QTest::newRow("depends-on down") << deps << u"downgrade"_s << QStringList{u"b"_s} << u"a"_s
                                     << u"d:b:b>a:+a b=x"_s
                                     << QStringList{u"x"_s, u"a"_s};
    QTest::newRow("stamp up") << line << u"stamp"_s << QStringList{u"a"_s} << u"c"_s
                              << u"s:c:a>c:a=c"_s << QStringList{u"c"_s};
    QTest::newRow("stamp down") << line << u"stamp"_s << QStringList{u"c"_s} << u"a"_s
                                << u"s:a:c>a:c=a"_s << QStringList{u"a"_s};
    QTest::newRow("stamp new branch") << branch << u"stamp"_s << QStringList{u"b"_s} << u"c"_s
                                      << u"s:c:>c:+c"_s << QStringList{u"b"_s, u"c"_s};
    QTest::newRow("stamp base") << branch << u"stamp"_s << QStringList{u"b"_s, u"c"_s}
                                << u"base"_s << u"s:b:b>:-b | s:c:c>:-c"_s << none;
    QTest::newRow("stamp head of several") << branch << u"stamp"_s << none << u"head"_s
                                           << u"Multiple heads are present; please specify a "
                                              "single target revision"_s
                                           << none;
    QTest::newRow("stamp merges rows") << merge << u"stamp"_s << QStringList{u"b"_s, u"c"_s}
                                       << u"d"_s << u"s:d:b,c>d:-b c=d"_s
                                       << QStringList{u"d"_s};
}

void tst_MigrationPlanner::plans()
{
    QFETCH(QStringList, specs);
    QFETCH(QString, command);
    QFETCH(QStringList, current);
    QFETCH(QString, target);
    QFETCH(QString, steps);
    QFETCH(QStringList, after);
    const RevisionGraph g = graphOf(specs);
    const Result<MigrationPlan> plan
        = command == u"upgrade"_s   ? MigrationPlanner::planUpgrade(g, current, target)
          : command == u"downgrade"_s ? MigrationPlanner::planDowngrade(g, current, target)
                                      : MigrationPlanner::planStamp(g, current, target.split(u','),
                                                                    false);
    if (!plan) {
        QCOMPARE(plan.error().message, steps);
        QCOMPARE(plan.error().kind, steps.startsWith(u"Multiple head"_s)
                                        ? Error::Kind::MultipleHeads
                                        : Error::Kind::Graph);
        return;
    }
    QCOMPARE(describe(*plan), steps);
    QCOMPARE(plan->headsBefore, current);
    QCOMPARE(plan->headsAfter, after);
}

// The examples of Alembic's "Working with Branches" page (branches.rst): its "Running upgrade"
// lines and `alembic current` afterwards. Alembic 1.8 prints a step's versioned parents only
// ("29f859a13ea -> 2a95102259be"), where the page, written for an older release, also lists
// the depends-on target.
void tst_MigrationPlanner::docsExamples_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("running"); // "<from> -> <to>" per step
    QTest::addColumn<QStringList>("after");   // sorted rows
    const QStringList branched{u"1975ea83b712:"_s, u"ae1027a6acf:1975ea83b712"_s,
                               u"27c6a30d7c24:1975ea83b712@shoppingcart"_s};
    const QStringList merged = branched + QStringList{u"53fffde5ad5:ae1027a6acf,27c6a30d7c24"_s};
    const QStringList networking = branched + QStringList{
        u"d747a8a8879:27c6a30d7c24"_s, u"55af2cb1c267:ae1027a6acf"_s, u"3cac04ae8714:@networking"_s,
        u"109ec7d132bf:3cac04ae8714"_s, u"29f859a13ea:109ec7d132bf"_s};
    const QStringList depending = branched + QStringList{
        u"55af2cb1c267:ae1027a6acf"_s, u"3cac04ae8714:@networking"_s,
        u"109ec7d132bf:3cac04ae8714"_s, u"29f859a13ea:109ec7d132bf"_s,
        u"2a95102259be:29f859a13ea~55af2cb1c267"_s};
    const QStringList none;
    QTest::newRow("upgrade heads") << branched << u"upgrade"_s << none << u"heads"_s
        << QStringList{u" -> 1975ea83b712"_s, u"1975ea83b712 -> ae1027a6acf"_s,
                       u"1975ea83b712 -> 27c6a30d7c24"_s}
        << QStringList{u"27c6a30d7c24"_s, u"ae1027a6acf"_s};
    QTest::newRow("downgrade -1 (1)") << branched << u"downgrade"_s
        << QStringList{u"ae1027a6acf"_s, u"27c6a30d7c24"_s} << u"-1"_s
        << QStringList{u"ae1027a6acf -> 1975ea83b712"_s} << QStringList{u"27c6a30d7c24"_s};
    QTest::newRow("downgrade -1 (2)") << branched << u"downgrade"_s
        << QStringList{u"27c6a30d7c24"_s} << u"-1"_s
        << QStringList{u"27c6a30d7c24 -> 1975ea83b712"_s} << QStringList{u"1975ea83b712"_s};
    QTest::newRow("downgrade -1 (3)") << branched << u"downgrade"_s
        << QStringList{u"1975ea83b712"_s} << u"-1"_s << QStringList{u"1975ea83b712 -> "_s} << none;
    QTest::newRow("upgrade 27c6a") << branched << u"upgrade"_s << none << u"27c6a"_s
        << QStringList{u" -> 1975ea83b712"_s, u"1975ea83b712 -> 27c6a30d7c24"_s}
        << QStringList{u"27c6a30d7c24"_s};
    QTest::newRow("upgrade ae102") << branched << u"upgrade"_s << QStringList{u"27c6a30d7c24"_s}
        << u"ae102"_s << QStringList{u"1975ea83b712 -> ae1027a6acf"_s}
        << QStringList{u"27c6a30d7c24"_s, u"ae1027a6acf"_s};
    QTest::newRow("upgrade shoppingcart@head") << branched << u"upgrade"_s
        << QStringList{u"ae1027a6acf"_s} << u"shoppingcart@head"_s
        << QStringList{u"1975ea83b712 -> 27c6a30d7c24"_s}
        << QStringList{u"27c6a30d7c24"_s, u"ae1027a6acf"_s};
    QTest::newRow("upgrade head to the merge") << merged << u"upgrade"_s << none << u"head"_s
        << QStringList{u" -> 1975ea83b712"_s, u"1975ea83b712 -> 27c6a30d7c24"_s,
                       u"1975ea83b712 -> ae1027a6acf"_s,
                       u"ae1027a6acf, 27c6a30d7c24 -> 53fffde5ad5"_s}
        << QStringList{u"53fffde5ad5"_s};
    QTest::newRow("upgrade networking@head") << networking << u"upgrade"_s << none
        << u"networking@head"_s
        << QStringList{u" -> 3cac04ae8714"_s, u"3cac04ae8714 -> 109ec7d132bf"_s,
                       u"109ec7d132bf -> 29f859a13ea"_s}
        << QStringList{u"29f859a13ea"_s};
    QTest::newRow("upgrade heads, second base") << networking << u"upgrade"_s
        << QStringList{u"29f859a13ea"_s} << u"heads"_s
        << QStringList{u" -> 1975ea83b712"_s, u"1975ea83b712 -> 27c6a30d7c24"_s,
                       u"27c6a30d7c24 -> d747a8a8879"_s, u"1975ea83b712 -> ae1027a6acf"_s,
                       u"ae1027a6acf -> 55af2cb1c267"_s}
        << QStringList{u"29f859a13ea"_s, u"55af2cb1c267"_s, u"d747a8a8879"_s};
    QTest::newRow("depends-on merges an effective head") << depending << u"upgrade"_s
        << QStringList{u"29f859a13ea"_s, u"27c6a30d7c24"_s, u"55af2cb1c267"_s} << u"heads"_s
        << QStringList{u"29f859a13ea -> 2a95102259be"_s}
        << QStringList{u"27c6a30d7c24"_s, u"2a95102259be"_s};
    QTest::newRow("effective head grows a branch")
        << depending + QStringList{u"34e094ad6ef1:55af2cb1c267"_s} << u"upgrade"_s
        << QStringList{u"2a95102259be"_s, u"27c6a30d7c24"_s} << u"heads"_s
        << QStringList{u"55af2cb1c267 -> 34e094ad6ef1"_s}
        << QStringList{u"27c6a30d7c24"_s, u"2a95102259be"_s, u"34e094ad6ef1"_s};
}

void tst_MigrationPlanner::docsExamples()
{
    QFETCH(QStringList, specs);
    QFETCH(QString, command);
    QFETCH(QStringList, current);
    QFETCH(QString, target);
    QFETCH(QStringList, running);
    QFETCH(QStringList, after);
    specs.sort(); // as files "<id>_<slug>.sql" are read, in sorted file-name order
    const RevisionGraph g = graphOf(specs);
    const Result<MigrationPlan> plan = command == u"upgrade"_s
                                           ? MigrationPlanner::planUpgrade(g, current, target)
                                           : MigrationPlanner::planDowngrade(g, current, target);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    QStringList lines;
    for (const MigrationStep &s : plan->steps)
        lines.append(s.fromRevisions.join(u", "_s) + u" -> "_s + s.toRevisions.join(u", "_s));
    QCOMPARE(lines, running);
    QStringList rows = plan->headsAfter;
    rows.sort();
    QCOMPARE(rows, after);
}

void tst_MigrationPlanner::irreversibleRevisionStopsDowngradePlan()
{
    QList<Revision> revs = GraphSpec::revisions({u"a:"_s, u"b:a"_s, u"c:b"_s});
    revs[1].downgradeSql.reset();
    revs[1].filePath = u"/p/versions/b_x.sql"_s;
    const Result<RevisionGraph> g = RevisionGraph::build(revs);
    QVERIFY(g);
    QVERIFY(MigrationPlanner::planDowngrade(*g, {u"c"_s}, u"b"_s));
    const Result<MigrationPlan> plan = MigrationPlanner::planDowngrade(*g, {u"c"_s}, u"a"_s);
    QVERIFY(!plan);
    QCOMPARE(plan.error().kind, Error::Kind::Script);
    QCOMPARE(plan.error().file, u"/p/versions/b_x.sql"_s);
    QVERIFY(plan.error().message.contains(u"b"_s));
}

void tst_MigrationPlanner::purgeStartsFromEmptyTable()
{
    const RevisionGraph g = graphOf({u"a:"_s, u"b:a"_s});
    const Result<MigrationPlan> plan
        = MigrationPlanner::planStamp(g, {u"a"_s, u"b"_s}, {u"b"_s}, true);
    QVERIFY(plan);
    QVERIFY(plan->purge);
    QCOMPARE(describe(*plan), u"s:b:>b:+b"_s);
    QCOMPARE(plan->headsAfter, QStringList{u"b"_s});
}

void tst_MigrationPlanner::stampRefusesTargetsOnOneLine_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QString>("message"); // empty: planned
    const QString ancestor = u"Cannot stamp both b and c: b is an ancestor of c, and a version "
                             "row stands for everything below it; stamp c alone"_s;
    QTest::newRow("from base") << QStringList() << QStringList{u"b"_s, u"c"_s} << ancestor;
    QTest::newRow("either order") << QStringList() << QStringList{u"c"_s, u"b"_s} << ancestor;
    QTest::newRow("from a row below") << QStringList{u"a"_s} << QStringList{u"b"_s, u"c"_s}
                                      << ancestor;
    QTest::newRow("from the upper one") << QStringList{u"c"_s} << QStringList{u"b"_s, u"c"_s}
                                        << ancestor;
    QTest::newRow("through depends-on")
        << QStringList() << QStringList{u"y"_s, u"b"_s}
        << u"Cannot stamp both b and y: y depends on b (by its Depends On or an ancestor's), and "
           "a version row stands for everything below it; stamp y alone"_s;
    QTest::newRow("two lines") << QStringList() << QStringList{u"c"_s, u"x"_s} << QString();
    // From b, Alembic moves the row to c, a sound table: planned as Alembic plans it.
    QTest::newRow("from the lower one") << QStringList{u"b"_s} << QStringList{u"b"_s, u"c"_s}
                                        << QString();
}

// Where Alembic writes two rows on one line (or drops the newer target), Retort refuses, before
// anything runs, in words.
void tst_MigrationPlanner::stampRefusesTargetsOnOneLine()
{
    QFETCH(QStringList, rows);
    QFETCH(QStringList, targets);
    QFETCH(QString, message);
    const RevisionGraph g = graphOf({u"a:"_s, u"b:a"_s, u"c:b"_s, u"x:"_s, u"y:~c"_s});
    const Result<MigrationPlan> plan = MigrationPlanner::planStamp(g, rows, targets, false);
    if (message.isEmpty()) {
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
        if (rows == QStringList{u"b"_s})
            QCOMPARE(plan->headsAfter, QStringList{u"c"_s});
        return;
    }
    QVERIFY(!plan);
    QCOMPARE(plan.error().kind, Error::Kind::Graph);
    QCOMPARE(plan.error().message, message);
}

void tst_MigrationPlanner::tenThousandRevisionsPlanUpAndDown()
{
    const Result<RevisionGraph> g = RevisionGraph::build(GraphSpec::bigHistory());
    QVERIFY(g);
    QElapsedTimer timer;
    timer.start();
    const Result<MigrationPlan> up = MigrationPlanner::planUpgrade(*g, {}, u"head"_s);
    const qint64 upNs = timer.nsecsElapsed();
    QVERIFY(up);
    QCOMPARE(up->steps.size(), 10000);
    QCOMPARE(up->headsAfter, g->heads());
    const Result<MigrationPlan> down = MigrationPlanner::planDowngrade(*g, up->headsAfter,
                                                                       u"base"_s);
    const qint64 totalNs = timer.nsecsElapsed();
    QVERIFY(down);
    QCOMPARE(down->steps.size(), 10000);
    QVERIFY(down->headsAfter.isEmpty());
    qInfo("10,000 revisions: plan upgrade %.1f ms, plan downgrade %.1f ms", upNs / 1e6,
          (totalNs - upNs) / 1e6);
}

void tst_MigrationPlanner::matchesAlembicOnDocumentedGraphs_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(RETORT_TEST_DATA_DIR "/graph"));
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void tst_MigrationPlanner::matchesAlembicOnDocumentedGraphs()
{
    QFETCH(QString, path);
    RETORT_REQUIRE_TOOL(AlembicOracle::available(), "alembic for /usr/bin/python3");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject spec = QJsonDocument::fromJson(file.readAll()).object();
    QString error;
    const QJsonArray oracle = AlembicOracle::run(spec, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString mismatch = OracleComparison::compare(spec, oracle);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void tst_MigrationPlanner::matchesAlembicOnRandomGraphs_data()
{
    QTest::addColumn<quint32>("seed");
    // RETORT_ORACLE_SEEDS=first-last explores more graphs than the default run does.
    const QStringList range = qEnvironmentVariable("RETORT_ORACLE_SEEDS", u"1-30"_s).split(u'-');
    const quint32 first = range.value(0).toUInt();
    const quint32 last = range.value(1, range.value(0)).toUInt();
    for (quint32 seed = first; seed <= last; ++seed)
        QTest::newRow(qPrintable(u"seed %1"_s.arg(seed))) << seed;
}

void tst_MigrationPlanner::matchesAlembicOnRandomGraphs()
{
    QFETCH(quint32, seed);
    RETORT_REQUIRE_TOOL(AlembicOracle::available(), "alembic for /usr/bin/python3");
    const QJsonObject spec = OracleComparison::randomSpec(seed);
    QString error;
    const QJsonArray oracle = AlembicOracle::run(spec, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString mismatch = OracleComparison::compare(spec, oracle);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch + u"\nspec: "_s
                                             + QString::fromUtf8(QJsonDocument(spec).toJson(
                                                 QJsonDocument::Compact))));
}

void tst_MigrationPlanner::matchesAlembicWithDependsOnAcrossBranches_data()
{
    matchesAlembicOnRandomGraphs_data();
}

// heads with "(effective head)" revisions, current listing depended-on tips, and upgrade,
// downgrade and stamp plans where depends-on crosses labelled lines of revisions.
void tst_MigrationPlanner::matchesAlembicWithDependsOnAcrossBranches()
{
    QFETCH(quint32, seed);
    RETORT_REQUIRE_TOOL(AlembicOracle::available(), "alembic for /usr/bin/python3");
    const QJsonObject spec = OracleComparison::crossBranchSpec(seed);
    QString error;
    const QJsonArray oracle = AlembicOracle::run(spec, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString mismatch = OracleComparison::compare(spec, oracle);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch + u"\nspec: "_s
                                             + QString::fromUtf8(QJsonDocument(spec).toJson(
                                                 QJsonDocument::Compact))));
}

QTEST_GUILESS_MAIN(tst_MigrationPlanner)

#include "tst_migrationplanner.moc"

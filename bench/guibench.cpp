// Times the revision graph with many revisions: lane layout, model reset, first paint,
// scrolling repaints, and filter keystrokes. `guibench [N]` (default 10000); runs offscreen unless a platform is set.
#include <ui/graphrow.h>
#include <ui/lanelayout.h>
#include <ui/revisiongraphmodel.h>
#include <ui/revisiongraphview.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QTextStream>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using namespace Retort::Ui;

namespace {

// A main line with a side branch of 1..30 revisions every 40 revisions, merged back.
QList<GraphRow> makeRows(int count)
{
    QList<GraphRow> rows;
    rows.reserve(count);
    for (int i = count - 1; i >= 0; --i) {
        GraphRow row;
        row.id = u"r%1"_s.arg(i);
        row.message = u"revision %1"_s.arg(i);
        row.createDate = u"2026-11-24 03:00"_s;
        if (i > 0)
            row.parents.append(u"r%1"_s.arg(i - 1));
        if (i % 40 == 39 && i > 40)
            row.parents.append(u"r%1"_s.arg(i - 1 - (i / 40) % 30));
        rows.append(row);
    }
    rows.first().isHead = true;
    return rows;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    QTextStream out(stdout);
    const QList<GraphRow> rows = makeRows(count);
    QElapsedTimer timer;

    timer.start();
    const int widest = LaneLayout::compute(rows).size();
    out << "lane layout, " << widest << " rows: " << timer.elapsed() << " ms\n";

    RevisionGraphView view;
    view.resize(900, 700);
    timer.restart();
    view.setRows(rows);
    out << "model reset: " << timer.elapsed() << " ms, " << view.model()->maxLaneCount()
        << " lanes\n";
    timer.restart();
    view.show();
    QApplication::processEvents();
    view.treeView()->viewport()->grab(); // grab() paints even where the window is not exposed
    out << "first paint: " << timer.elapsed() << " ms\n";

    QScrollBar *bar = view.treeView()->verticalScrollBar();
    const int frames = 200;
    timer.restart();
    for (int i = 0; i < frames; ++i) {
        bar->setValue(qint64(bar->maximum()) * i / (frames - 1));
        view.treeView()->viewport()->grab();
    }
    const qint64 ms = timer.elapsed();
    out << "scroll: " << frames << " repaints in " << ms << " ms (" << double(ms) / frames
        << " ms per frame)\n";

    // Typing "revision 12", then deleting it: from every row kept to a few, and back. Each
    // keystroke lays out the kept rows again; the view's relayout and a repaint are included.
    const QString typed = u"revision 12"_s;
    QStringList texts;
    for (qsizetype i = 1; i <= typed.size(); ++i)
        texts.append(typed.left(i));
    for (qsizetype i = typed.size() - 1; i >= 0; --i)
        texts.append(typed.left(i));
    qint64 worst = 0;
    QString worstText;
    timer.restart();
    for (const QString &text : std::as_const(texts)) {
        QElapsedTimer one;
        one.start();
        view.filterEdit()->setText(text);
        QApplication::processEvents();
        view.treeView()->viewport()->grab();
        if (one.elapsed() >= worst) {
            worst = one.elapsed();
            worstText = text;
        }
    }
    out << "filter: " << texts.size() << " keystrokes in " << timer.elapsed()
        << " ms, slowest " << worst << " ms (\"" << worstText << "\")\n";
    return 0;
}

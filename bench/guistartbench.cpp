// Times retort-gui's start on a project: `guistartbench PROJECT [SCREENS]` builds the same main
// window as retort-gui, opens PROJECT, and prints
//   first_paint_ms   from the start to the end of the first paint of the graph with rows in it;
//                    "the start" is RETORT_BENCH_START_NS (nanoseconds since the epoch, taken by
//                    the bench script just before it starts this program, so that loading the
//                    Qt libraries counts) or else the start of main()
//   scroll_ms        the mean time to scroll one screen of rows and paint it, over SCREENS screens
// then exits. Runs offscreen unless a platform is set. Settings go to a test location, so a
// user's recent projects are left alone.
#include <ui/mainwindow.h>
#include <ui/revisiongraphmodel.h>
#include <ui/revisiongraphview.h>

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>

#include <ctime>

using namespace Qt::Literals::StringLiterals;
using namespace Retort::Ui;

namespace {

QElapsedTimer sinceMain;
qint64 startOffsetMs = 0; // from the script's start stamp to main()

qint64 nowNs()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Notes the end of the first paint of a viewport that shows rows, then stops the event loop.
class FirstPaintProbe : public QObject
{
public:
    FirstPaintProbe(QTreeView *tree, qint64 *paintedAt) : m_tree(tree), m_paintedAt(paintedAt) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || *m_paintedAt >= 0
            || !m_tree->model() || m_tree->model()->rowCount() == 0)
            return false;
        watched->removeEventFilter(this);
        // The paint runs after this filter returns; the zero timer fires once it is done.
        QTimer::singleShot(0, qApp, [this] {
            *m_paintedAt = startOffsetMs + sinceMain.elapsed();
            QCoreApplication::quit();
        });
        return false;
    }

private:
    QTreeView *m_tree;
    qint64 *m_paintedAt;
};

} // namespace

int main(int argc, char **argv)
{
    sinceMain.start();
    if (const qint64 start = qgetenv("RETORT_BENCH_START_NS").toLongLong(); start > 0)
        startOffsetMs = (nowNs() - start) / 1000000;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Retort"_s);
    QApplication::setApplicationName(u"retort-gui-bench"_s);
    QTextStream out(stdout);
    if (argc < 2) {
        QTextStream(stderr) << "usage: guistartbench PROJECT [SCREENS]\n";
        return 2;
    }
    const int screens = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 100;

    MainWindow window;
    window.resize(1400, 900);
    QTreeView *tree = window.graphView()->treeView();
    qint64 paintedAt = -1;
    FirstPaintProbe probe(tree, &paintedAt);
    tree->viewport()->installEventFilter(&probe);
    window.show();
    window.openProject(QString::fromLocal8Bit(argv[1]));
    QTimer::singleShot(60000, &app, &QCoreApplication::quit);
    app.exec();
    if (paintedAt < 0) {
        QTextStream(stderr) << "no graph was painted within a minute\n";
        return 1;
    }
    const int rows = tree->model()->rowCount();
    out << "first_paint_ms " << paintedAt << "\nrows " << rows << '\n';

    // One screen of rows per step, from the top down, each painted before the next.
    QScrollBar *bar = tree->verticalScrollBar();
    QElapsedTimer timer;
    timer.start();
    int done = 0;
    for (; done < screens && bar->value() < bar->maximum(); ++done) {
        bar->setValue(bar->value() + bar->pageStep());
        tree->viewport()->grab(); // paints now, into a pixmap, whether or not the window is exposed
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    out << "scroll_screens " << done << "\nscroll_ms " << (done ? ms / done : 0.0) << '\n';
    return 0;
}

#include <ui/mainwindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Retort"_s);
    QApplication::setApplicationName(u"retort-gui"_s);
    QApplication::setApplicationDisplayName(u"Retort"_s);
    QApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    QApplication::setDesktopFileName(u"retort-gui"_s);
    // Every window's icon: the installed theme's, else the copy built into the program.
    QIcon fallback;
    for (int size : {16, 32, 48, 64, 128, 256})
        fallback.addFile(u":/icons/png/retort-gui-%1.png"_s.arg(size), QSize(size, size));
    QApplication::setWindowIcon(QIcon::fromTheme(u"retort-gui"_s, fallback));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Retort: database migrations with a revision graph."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"project"_s, u"A project folder or its retort.ini."_s,
                                 u"[PROJECT]"_s);
    parser.process(app);

    Retort::Ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openProject(parser.positionalArguments().constFirst());
    else
        window.openMostRecent();
    return app.exec();
}

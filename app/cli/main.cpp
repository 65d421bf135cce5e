// retort: the command line. Parses the global options and the verb, then hands over to the verb.
#include "commands.h"

#include <QCoreApplication>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::Literals::StringLiterals;
using namespace Retort::Cli;

namespace {

QString generalHelp()
{
    QString text = u"Usage: retort [-c FILE] [--url URL] [-x KEY=VALUE] COMMAND [ARGS]\n\n"
                   "Database migrations with a revision graph, for SQLite, PostgreSQL and "
                   "MySQL/MariaDB.\n\nOptions:\n"
                   "  -c, --config FILE  Use this retort.ini (default: found in the current folder "
                   "or a parent).\n"
                   "  --url URL          Database URL; overrides RETORT_URL and the ini.\n"
                   "  -x KEY=VALUE       For an Alembic project's env.py (context.get_x_argument); "
                   "repeatable.\n"
                   "  -h, --help         Show this help; 'retort COMMAND --help' for a command.\n"
                   "  --version          Show the version.\n\nCommands:\n"_s;
    for (const Command &command : commands()) {
        if (!command.hidden)
            text += u"  %1%2\n"_s.arg(command.name, -12).arg(command.summary);
    }
    text += u"\nExit status: 0 success, 1 failure, 2 bad command-line usage.\n"_s;
    return text;
}

// Qt's own warnings (e.g. "QSqlQuery::exec: database not open" after a lost connection) are not
// messages for the user: stderr carries "FAILED: ..." and nothing before it. They are shown with
// -v/--verbose or RETORT_DEBUG=1, for bug reports.
bool showQtMessages = false;

void qtMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (showQtMessages || type == QtFatalMsg)
        QTextStream(stderr) << "retort: qt: " << message << '\n';
}

int usageError(const QString &message)
{
    QTextStream(stderr) << "retort: error: " << message
                        << "\nUsage: retort [-c FILE] [--url URL] COMMAND [ARGS]; see retort --help\n";
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    // Revision files load on worker threads, whose malloc arenas otherwise grow a page at a time
    // with one mprotect call each (3,600 of them for 10,000 files): grow in large steps instead.
    // Only address space is reserved; memory is used as it is touched.
    mallopt(M_TOP_PAD, 64 << 20);
#endif
    qInstallMessageHandler(qtMessageHandler);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"retort"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));
    const QStringList args = QCoreApplication::arguments().mid(1);
    showQtMessages = qEnvironmentVariableIntValue("RETORT_DEBUG") == 1
                     || args.contains(u"-v"_s) || args.contains(u"--verbose"_s);
    QString configFile, url;
    QStringList xArguments;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&](const QString &name) -> std::optional<QString> {
            if (a.startsWith(name + u'='))
                return a.mid(name.size() + 1);
            if (a == name && i + 1 < args.size())
                return args[++i];
            return std::nullopt;
        };
        if (a == u"--version") {
            QTextStream(stdout) << "retort " << RETORT_VERSION << "\n";
            return 0;
        }
        if (a == u"-h" || a == u"--help") {
            QTextStream(stdout) << generalHelp();
            return 0;
        }
        if (a == u"-c" || a.startsWith(u"--config")) {
            const auto v = value(a == u"-c" ? u"-c"_s : u"--config"_s);
            if (!v)
                return usageError(u"option %1 needs a value"_s.arg(a));
            configFile = *v;
        } else if (a.startsWith(u"--url")) {
            const auto v = value(u"--url"_s);
            if (!v)
                return usageError(u"option --url needs a value"_s);
            url = *v;
        } else if (a == u"-x" || (a.startsWith(u"-x") && !a.startsWith(u"--"))) {
            // Alembic's -x: "-x KEY=VALUE" or "-xKEY=VALUE", as often as needed.
            const std::optional<QString> v =
                a == u"-x" ? value(u"-x"_s) : std::optional<QString>(a.mid(2));
            if (!v)
                return usageError(u"option -x needs a value"_s);
            xArguments << *v;
        } else if (a.startsWith(u'-')) {
            return usageError(u"unknown option '%1'"_s.arg(a));
        } else {
            const Command *command = findCommand(a);
            if (!command)
                return usageError(u"unknown command '%1'"_s.arg(a));
            CliContext context(a, args.mid(i + 1));
            context.configFile = configFile;
            context.url = url;
            context.xArguments = xArguments;
            return command->run(context);
        }
    }
    return usageError(u"no command given"_s);
}

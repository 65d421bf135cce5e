#include "clicontext.h"
#include "commands.h"

#include <engine/core/retortassert.h>

#include <QCoreApplication>
#include <QRegularExpression>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

const QString CliContext::negativeMarker = u"\u0001minus\u0001"_s;

CliContext::CliContext(QString verbName, QStringList verbArguments)
    : verb(std::move(verbName))
    , arguments(std::move(verbArguments))
    , out(stdout)
    , err(stderr)
{}

bool CliContext::parse(QCommandLineParser &parser, const QString &description)
{
    const Command *command = findCommand(verb);
    RETORT_ASSERT(command, m_exitCode = 1; return false);
    const QString positionalSyntax = command->syntax;
    const int minPositional = command->minArguments;
    const int maxPositional = command->maxArguments;
    const QCommandLineOption &help = CliOptions::help;
    const QCommandLineOption &config = CliOptions::config;
    const QCommandLineOption &urlOption = CliOptions::url;
    parser.setApplicationDescription(description);
    parser.addOptions(CliOptions::global() + command->options);
    if (!positionalSyntax.isEmpty())
        parser.addPositionalArgument(positionalSyntax.section(u' ', 0, 0), QString(), positionalSyntax);
    // "-1" is a relative revision, not an option: hide it from QCommandLineParser.
    QStringList argv{u"retort "_s + verb};
    for (const QString &a : std::as_const(arguments))
        argv << (isRelativeRevision(a) ? QString(negativeMarker + a.mid(1)) : a);
    // QCommandLineParser names the binary's full path; show the command as users type it.
    QString helpText = parser.helpText();
    helpText.replace(0, helpText.indexOf(u'\n'),
                     u"Usage: retort "_s + verb + u" [options] "_s + positionalSyntax);
    auto usageError = [this, &helpText](const QString &text) {
        err << "retort " << verb << ": error: " << text << "\n"
            << helpText.section(u'\n', 0, 0) << "\n";
        err.flush();
        m_exitCode = 2;
        return false;
    };
    if (!parser.parse(argv))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        out << helpText;
        out.flush();
        m_exitCode = 0;
        return false;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional)
        return usageError(u"missing argument: %1"_s.arg(positionalSyntax));
    if (maxPositional >= 0 && n > maxPositional)
        return usageError(u"unexpected argument '%1'"_s.arg(parser.positionalArguments().at(maxPositional)));
    if (parser.isSet(config))
        configFile = parser.value(config);
    if (parser.isSet(urlOption))
        url = parser.value(urlOption);
    return true;
}

bool CliContext::isRelativeRevision(const QString &argument)
{
    static const QRegularExpression negative(u"^-\\d+$"_s);
    return negative.match(argument).hasMatch();
}

QStringList CliContext::positional(const QCommandLineParser &parser)
{
    QStringList out = parser.positionalArguments();
    for (QString &a : out) {
        if (a.startsWith(negativeMarker))
            a = u'-' + a.mid(negativeMarker.size());
    }
    return out;
}

Result<RevisionGraph> CliContext::graph() const
{
    const Result<Workspace> ws = workspace();
    if (!ws)
        return ws.error();
    return ws->loadGraph();
}

Result<Workspace> CliContext::workspace() const
{
    return Workspace::open(configFile, url, {}, xArguments);
}

int CliContext::fail(const Error &error)
{
    out.flush();
    err << "FAILED: " << error.toString() << "\n";
    err.flush();
    return 1;
}

} // namespace Retort::Cli

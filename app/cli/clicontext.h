#pragma once

#include <engine/workspace/workspace.h>

#include <QCommandLineParser>
#include <QTextStream>

namespace Retort::Cli {

// What one verb gets: its arguments, the global options, and the output streams.
class CliContext
{
public:
    CliContext(QString verb, QStringList verbArguments);

    QString verb;
    QStringList arguments; // after the verb
    QString configFile;    // -c
    QString url;           // --url
    QStringList xArguments; // -x KEY=VALUE, for an Alembic project's env.py
    QTextStream out;
    QTextStream err;

    // Adds the verb's options and the global ones (commands() has them), parses, checks the
    // number of arguments and handles --help. Returns false after printing a usage error or the
    // help (exitCode() tells which).
    bool parse(QCommandLineParser &parser, const QString &description);
    int exitCode() const { return m_exitCode; }
    // The positional arguments, with relative revisions such as "-1" given back.
    static QStringList positional(const QCommandLineParser &parser);

    Result<Workspace> workspace() const;
    // The project's revision graph (the workspace opened and its revisions loaded).
    Result<RevisionGraph> graph() const;
    // Prints "FAILED: <error>" on stderr and returns exit status 1.
    int fail(const Error &error);

private:
    static bool isRelativeRevision(const QString &argument);
    static const QString negativeMarker;
    int m_exitCode = 0;
};

} // namespace Retort::Cli

#pragma once

#include <QCommandLineOption>
#include <QList>

namespace Retort::Cli {

// Every option of the command line, defined once. commands() says which verb takes which; the
// verbs parse with these, and `--help` and the shell completion scripts are generated from them,
// so a new option needs no edit anywhere else. Value names say what completes a value: REV a
// revision, FILE a file name; any other value is free text.
class CliOptions
{
public:
    // Taken by every verb (and, before the verb, by `retort` itself).
    static const QCommandLineOption help;
    static const QCommandLineOption config;
    static const QCommandLineOption url;
    static QList<QCommandLineOption> global();

    static const QCommandLineOption json;
    static const QCommandLineOption verbose;
    static const QCommandLineOption sql;
    static const QCommandLineOption noForeignKeyCheck;
    static const QCommandLineOption purge;
    static const QCommandLineOption message;
    static const QCommandLineOption revId;
    static const QCommandLineOption head;
    static const QCommandLineOption splice;
    static const QCommandLineOption branchLabel;
    static const QCommandLineOption dependsOn;
    static const QCommandLineOption autogenerate;
    static const QCommandLineOption rename;
    static const QCommandLineOption resolveDependencies;
    static const QCommandLineOption revRange;
    static const QCommandLineOption models;
    static const QCommandLineOption initModels;
    static const QCommandLineOption singleHead;
};

} // namespace Retort::Cli

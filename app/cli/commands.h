#pragma once

#include "clicontext.h"
#include "clioptions.h"

#include <QList>

namespace Retort::Cli {

// One CLI verb: a thin function from arguments through the Workspace to printed output. The
// table of them is what `--help` and the shell completion scripts are generated from.
struct Command
{
    // What the positional arguments are, for completion.
    enum class Arguments { None, Revisions, Directory, Shell };

    QString name;
    QString summary;
    int (*run)(CliContext &context);
    QList<QCommandLineOption> options = {}; // besides CliOptions::global()
    QString syntax = {};                    // the positional arguments as `--help` shows them
    int minArguments = 0;
    int maxArguments = 0; // -1: any number
    Arguments arguments = Arguments::None;
    bool hidden = false; // not listed by --help or completed: the completion scripts' helper
};

// Every verb, in the order `retort --help` lists them.
const QList<Command> &commands();
// The verb called `name`; nullptr if there is none.
const Command *findCommand(const QString &name);

int runInit(CliContext &context);
int runRevision(CliContext &context);
int runMerge(CliContext &context);
int runHeads(CliContext &context);
int runBranches(CliContext &context);
int runHistory(CliContext &context);
int runShow(CliContext &context);
int runUpgrade(CliContext &context);
int runDowngrade(CliContext &context);
int runStamp(CliContext &context);
int runCurrent(CliContext &context);
int runInspect(CliContext &context);
int runCheck(CliContext &context);
int runDiff(CliContext &context);
int runCompletion(CliContext &context);
int runCompleteRevisions(CliContext &context);
// `check --single-head`: the revision graph only (README "CI and pre-commit").
int runSingleHeadCheck(CliContext &context, bool json);
int runAutogenerate(CliContext &context, const QString &message, const QStringList &renames,
                    const QString &revId);

} // namespace Retort::Cli

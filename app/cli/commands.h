#pragma once

#include "clicontext.h"

#include <QList>

namespace Retort::Cli {

// One CLI verb: a thin function from arguments through the Workspace to printed output.
struct Command
{
    QString name;
    QString summary;
    int (*run)(CliContext &context);
};

// Every verb, in the order `retort --help` lists them.
const QList<Command> &commands();

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
int runAutogenerate(CliContext &context, const QString &message, const QStringList &renames,
                    const QString &revId);

} // namespace Retort::Cli

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

} // namespace Retort::Cli

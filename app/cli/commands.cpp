#include "commands.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

const QList<Command> &commands()
{
    using O = CliOptions;
    using A = Command::Arguments;
    static const QList<Command> all{
        {.name = u"init"_s,
         .summary = u"Create a new project: retort.ini, schema.sql, migrations/versions/."_s,
         .run = runInit,
         .options = {O::initModels},
         .syntax = u"[DIR]"_s,
         .maxArguments = 1,
         .arguments = A::Directory},
        {.name = u"upgrade"_s,
         .summary = u"Apply revisions up to a target (head, +1, a revision)."_s,
         .run = runUpgrade,
         .options = {O::sql, O::verbose, O::noForeignKeyCheck},
         .syntax = u"TARGET"_s,
         .minArguments = 1,
         .maxArguments = 1,
         .arguments = A::Revisions},
        {.name = u"downgrade"_s,
         .summary = u"Revert revisions down to a target (-1, a revision, base)."_s,
         .run = runDowngrade,
         .options = {O::sql, O::verbose, O::noForeignKeyCheck},
         .syntax = u"TARGET"_s,
         .minArguments = 1,
         .maxArguments = 1,
         .arguments = A::Revisions},
        {.name = u"current"_s,
         .summary = u"Show the revisions the database is at."_s,
         .run = runCurrent,
         .options = {O::verbose, O::json}},
        {.name = u"stamp"_s,
         .summary = u"Set the version table without running revisions."_s,
         .run = runStamp,
         .options = {O::sql, O::purge, O::verbose},
         .syntax = u"REV..."_s,
         .minArguments = 1,
         .maxArguments = -1,
         .arguments = A::Revisions},
        {.name = u"revision"_s,
         .summary = u"Write a new revision file."_s,
         .run = runRevision,
         .options = {O::message, O::revId, O::head, O::splice, O::branchLabel, O::dependsOn,
                     O::autogenerate, O::rename}},
        {.name = u"merge"_s,
         .summary = u"Write a revision that merges heads."_s,
         .run = runMerge,
         .options = {O::message, O::revId, O::branchLabel},
         .syntax = u"REVS..."_s,
         .minArguments = 1,
         .maxArguments = -1,
         .arguments = A::Revisions},
        {.name = u"heads"_s,
         .summary = u"Show the head revisions."_s,
         .run = runHeads,
         .options = {O::verbose, O::json, O::resolveDependencies}},
        {.name = u"branches"_s,
         .summary = u"Show the branch points."_s,
         .run = runBranches,
         .options = {O::verbose, O::json}},
        {.name = u"history"_s,
         .summary = u"List the revisions, newest first."_s,
         .run = runHistory,
         .options = {O::revRange, O::verbose, O::json}},
        {.name = u"show"_s,
         .summary = u"Show a revision in full."_s,
         .run = runShow,
         .options = {O::json},
         .syntax = u"REV"_s,
         .minArguments = 1,
         .maxArguments = 1,
         .arguments = A::Revisions},
        {.name = u"check"_s,
         .summary = u"Exit 1 if the models and the database differ, or on several heads (for CI)."_s,
         .run = runCheck,
         .options = {O::json, O::singleHead}},
        {.name = u"diff"_s,
         .summary = u"Print the SQL autogenerate would write."_s,
         .run = runDiff,
         .options = {O::rename, O::json}},
        {.name = u"inspect"_s,
         .summary = u"Print the database's (or the models') schema."_s,
         .run = runInspect,
         .options = {O::models, O::json}},
        {.name = u"completion"_s,
         .summary = u"Print the shell completion script for bash, zsh or fish."_s,
         .run = runCompletion,
         .syntax = u"SHELL"_s,
         .minArguments = 1,
         .maxArguments = 1,
         .arguments = A::Shell},
        {.name = u"__complete-revisions"_s,
         .summary = u"List the revision identifiers of the project (for completion)."_s,
         .run = runCompleteRevisions,
         .hidden = true},
    };
    return all;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

} // namespace Retort::Cli

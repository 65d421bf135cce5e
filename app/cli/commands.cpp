#include "commands.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

const QList<Command> &commands()
{
    static const QList<Command> all{
        {u"init"_s, u"Create a new project: retort.ini, schema.sql, migrations/versions/."_s, runInit},
        {u"upgrade"_s, u"Apply revisions up to a target (head, +1, a revision)."_s, runUpgrade},
        {u"downgrade"_s, u"Revert revisions down to a target (-1, a revision, base)."_s, runDowngrade},
        {u"current"_s, u"Show the revisions the database is at."_s, runCurrent},
        {u"stamp"_s, u"Set the version table without running revisions."_s, runStamp},
        {u"revision"_s, u"Write a new revision file."_s, runRevision},
        {u"merge"_s, u"Write a revision that merges heads."_s, runMerge},
        {u"heads"_s, u"Show the head revisions."_s, runHeads},
        {u"branches"_s, u"Show the branch points."_s, runBranches},
        {u"history"_s, u"List the revisions, newest first."_s, runHistory},
        {u"show"_s, u"Show a revision in full."_s, runShow},
        {u"check"_s, u"Exit 1 if the models and the database differ (for CI)."_s, runCheck},
        {u"diff"_s, u"Print the SQL autogenerate would write."_s, runDiff},
        {u"inspect"_s, u"Print the database's (or the models') schema."_s, runInspect},
    };
    return all;
}

} // namespace Retort::Cli

#pragma once

#include <engine/core/result.h>
#include <engine/revision/revisiongraph.h>

#include <QString>
#include <QStringList>

namespace Retort {

// Where a database stands, as the facade reports it to the CLI and the GUI. A value.
struct DatabaseState
{
    // What to read: the edit check reads the history table and hashes every applied revision's
    // file, which `current` without -v does not need.
    enum class Detail { HeadsOnly, WithEdits };

    QStringList heads;              // the version table's rows (empty: base, or no table yet)
    QStringList current;            // what `alembic current` lists: the newest revision on each
                                    // line the rows stand for, depends-on included (a revision
                                    // that a row depends on shows too); unknown rows left out
    QStringList editedAfterApplied; // applied revisions whose file changed since (history checksums)
    QStringList unknown;            // rows naming revisions that no file has (a branch switch?)
    bool hasHistory = false;        // the history table exists, so edits can be detected
                                    // (WithEdits only)
};

// A project's revision graph and where its database stands, read together (Workspace::projectState).
struct ProjectState
{
    RevisionGraph graph;
    Result<DatabaseState> database; // an error when the database cannot be reached or read
};

} // namespace Retort

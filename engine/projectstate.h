#pragma once

#include <engine/core/result.h>
#include <engine/databasestate.h>
#include <engine/revision/revisiongraph.h>

namespace Retort {

// A project's revision graph and where its database stands, read together (Workspace::projectState).
struct ProjectState
{
    RevisionGraph graph;
    Result<DatabaseState> database; // an error when the database cannot be reached or read
};

} // namespace Retort

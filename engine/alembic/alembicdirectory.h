#pragma once

#include "alembicconfig.h"
#include "alembicmodule.h"

#include <engine/core/result.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

// Loads the revision modules of an Alembic project as Alembic 1.8's ScriptDirectory finds
// them, each read by AlembicScript. Any thread.
// - Files directly in each version location (and in its subfolders, skipping __pycache__,
//   with recursiveVersionLocations) whose name ends in ".py" and does not start with ".#"
//   (editor lock files) or "__init__".
// - sourceless: also ".pyc"/".pyo" files without a ".py" beside them (".pyc" preferred over
//   ".pyo"), and "__pycache__/" files whose stem matches no file in the folder. Compiled files
//   cannot be read without Python: they come back dynamic.
// - A version location given in the ini that does not exist is skipped, as Alembic does; the
//   default script_location/versions must exist. A file reached twice (through symlinks or a
//   location listed twice) is read once.
// - Order: by file name, then by path (Alembic lists folders unsorted; ours must not depend
//   on the file system).
// All or nothing: the first unreadable or unparsable file is the error, and a revision id
// read from two files is an error naming both (Kind::Script). Dynamic modules come back
// flagged, for the caller to resolve through Python before RevisionGraph::build.
class AlembicDirectory
{
public:
    static Result<QList<AlembicModule>> load(const AlembicConfig &config);
    // The files load() reads, in its order (absolute paths).
    static Result<QStringList> scriptFiles(const AlembicConfig &config);
};

} // namespace Retort

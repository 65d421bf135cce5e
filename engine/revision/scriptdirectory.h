#pragma once

#include "revision.h"

#include <engine/core/result.h>

#include <QList>
#include <QString>

namespace Retort {

// Loads a versions/ folder: every "*.sql" file directly in it (not in subfolders; names starting
// with '.' and other suffixes ignored), in sorted file-name order (plain code-unit order, the same
// on every machine), each parsed by RevisionScript. All or nothing: the first unreadable or
// unparsable file, or a revision id used twice, is the error. Parents, depends-on targets and
// cycles are RevisionGraph's to check. Any thread.
class ScriptDirectory
{
public:
    static Result<QList<Revision>> load(const QString &versionsDir);
    // The revision files' names, sorted as load() reads them.
    static Result<QStringList> scriptFiles(const QString &versionsDir);
    // True for a name load() reads from the folder: "*.sql", not starting with '.', no '/'.
    // A revision written under any other name would never be seen again.
    static bool isScriptName(const QString &name);
};

} // namespace Retort

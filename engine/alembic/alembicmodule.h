#pragma once

#include <engine/revision/revision.h>

#include <QString>

namespace Retort {

// One Alembic revision module as read without Python. When dynamic, some field of `revision`
// (named in dynamicReason) could not be read from literals; the caller resolves the module
// through the project's Python and must not trust `revision`'s graph fields meanwhile.
struct AlembicModule
{
    Revision revision; // filePath and source always set
    bool dynamic = false;
    QString dynamicReason; // one sentence: which variable and why
    int dynamicLine = 0;   // 1-based line of the statement that makes it dynamic

    bool operator==(const AlembicModule &) const = default;
};

} // namespace Retort

#pragma once

#include "newrevision.h"
#include "revision.h"
#include "revisiongraph.h"

#include <engine/core/result.h>

namespace Retort {

// Makes the Revision value for a new revision or a merge on a graph, with Alembic's rules and
// messages (multiple heads, --splice, labels in use, unknown depends-on). Pure; writes nothing.
class RevisionAuthor
{
public:
    static Result<Revision> newRevision(const RevisionGraph &graph, const NewRevision &request);
    static Result<Revision> merge(const RevisionGraph &graph, const NewRevision &request);

private:
    static Result<QStringList> parentsFor(const RevisionGraph &graph, const NewRevision &request);
    static Result<> checkNew(const RevisionGraph &graph, const Revision &revision);
    static Result<QStringList> resolveDependsOn(const RevisionGraph &graph, const QStringList &deps);
    static Revision skeleton(const NewRevision &request);
};

} // namespace Retort

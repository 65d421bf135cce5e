#include "revisionauthor.h"

#include "revisionscript.h"

#include <engine/core/enginetr.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

Error authorError(const QString &message)
{
    return Error(Error::Kind::Graph, message);
}

} // namespace

Revision RevisionAuthor::skeleton(const NewRevision &request)
{
    Revision r;
    r.id = request.revId.isEmpty() ? RevisionScript::newRevisionId() : request.revId;
    r.message = request.message;
    r.createDate = RevisionScript::formatCreateDate(
        request.createDate.isValid() ? request.createDate : QDateTime::currentDateTime());
    r.branchLabels = request.branchLabels;
    r.upgradeSql = request.upgradeSql;
    r.downgradeSql = request.downgradeSql;
    r.noTransaction = request.noTransaction;
    r.foreignKeysOff = request.foreignKeysOff;
    return r;
}

Result<QStringList> RevisionAuthor::parentsFor(const RevisionGraph &graph, const NewRevision &request)
{
    const QString head = request.head.isEmpty() ? u"head"_s : request.head;
    if (head == u"base")
        return QStringList{};
    if (head == u"head" && graph.resolve(u"heads"_s).value().size() > 1)
        return authorError(Tr::tr("Multiple heads are present; please specify the head revision on "
                                  "which the new revision should be based, or perform a merge."));
    const Result<QStringList> resolved = graph.resolve(head);
    if (!resolved)
        return resolved.error();
    if (resolved->size() > 1)
        return authorError(Tr::tr("Multiple heads are present for '%1'; please specify one of %2.")
                               .arg(head, resolved->join(u", "_s)));
    for (const QString &id : *resolved) {
        if (!request.splice && !graph.isHead(id))
            return authorError(Tr::tr("Revision %1 is not a head revision; please specify --splice "
                                      "to create a new branch from this revision").arg(id));
    }
    return *resolved;
}

Result<QStringList> RevisionAuthor::resolveDependsOn(const RevisionGraph &graph,
                                                     const QStringList &deps)
{
    QStringList out;
    for (const QString &dep : deps) {
        if (graph.labelIndexes().contains(dep)) { // a label stays a label, as Alembic keeps it
            out << dep;
            continue;
        }
        const Result<QStringList> ids = graph.resolve(dep);
        if (!ids)
            return ids.error();
        if (ids->size() != 1)
            return authorError(Tr::tr("Depends-on '%1' must name exactly one revision.").arg(dep));
        out << ids->first();
    }
    return out;
}

Result<> RevisionAuthor::checkNew(const RevisionGraph &graph, const Revision &revision)
{
    if (revision.message.trimmed().isEmpty())
        return authorError(Tr::tr("A revision needs a message; give -m MESSAGE."));
    if (!RevisionScript::isValidRevisionId(revision.id))
        return authorError(Tr::tr("Revision id '%1' is not valid: use letters, digits and '_', at "
                                  "most %2 characters.").arg(revision.id)
                               .arg(RevisionScript::MaxRevisionIdLength));
    if (graph.revision(revision.id))
        return authorError(Tr::tr("Revision %1 is already present").arg(revision.id));
    for (const QString &label : revision.branchLabels) {
        if (graph.labelIndexes().contains(label) || graph.revision(label))
            return authorError(Tr::tr("Branch name '%1' is already used by revision %2")
                                   .arg(label, graph.idAt(graph.labelIndexes().value(label,
                                                                  graph.indexOf(label)))));
    }
    return {};
}

Result<Revision> RevisionAuthor::newRevision(const RevisionGraph &graph, const NewRevision &request)
{
    Revision r = skeleton(request);
    const Result<QStringList> parents = parentsFor(graph, request);
    if (!parents)
        return parents.error();
    r.parents = *parents;
    const Result<QStringList> deps = resolveDependsOn(graph, request.dependsOn);
    if (!deps)
        return deps.error();
    r.dependsOn = *deps;
    if (Result<> ok = checkNew(graph, r); !ok)
        return ok.error();
    return r;
}

Result<Revision> RevisionAuthor::merge(const RevisionGraph &graph, const NewRevision &request)
{
    Revision r = skeleton(request);
    QStringList parents;
    for (const QString &ident : request.mergeOf) {
        const Result<QStringList> ids = graph.resolve(ident);
        if (!ids)
            return ids.error();
        for (const QString &id : *ids) {
            if (!parents.contains(id))
                parents << id;
        }
    }
    if (parents.size() < 2)
        return authorError(Tr::tr("Nothing to merge: '%1' names %2 revision(s); a merge needs two or "
                                  "more.").arg(request.mergeOf.join(u" "_s)).arg(parents.size()));
    for (const QString &a : parents) {
        for (const QString &b : parents) {
            if (a != b && graph.ancestors(b, false).contains(a))
                return authorError(Tr::tr("Revision %1 is an ancestor of %2; merge only revisions on "
                                          "different branches.").arg(a, b));
        }
    }
    r.parents = parents;
    if (Result<> ok = checkNew(graph, r); !ok)
        return ok.error();
    return r;
}

} // namespace Retort

#include "explicittargets.h"

#include <engine/core/enginetr.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

ExplicitTargets::ExplicitTargets(const QList<GraphRow> &rows, const QStringList &currentHeads)
    : m_rows(rows)
    , m_current(currentHeads)
{}

const GraphRow *ExplicitTargets::row(const QString &id) const
{
    for (const GraphRow &r : m_rows) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QStringList ExplicitTargets::heads() const
{
    QStringList heads;
    for (const GraphRow &r : m_rows) {
        if (r.isHead)
            heads << r.id;
    }
    return heads;
}

Result<QString> ExplicitTargets::nextRevision() const
{
    if (m_current.size() > 1)
        return Error(Error::Kind::Graph,
                     Tr::tr("The database is at %1: choose a revision and use Upgrade to Here.")
                         .arg(m_current.join(u", "_s)));
    QStringList next;
    for (const GraphRow &r : m_rows) {
        if (r.state == GraphRow::State::Orphan)
            continue;
        const bool follows = m_current.isEmpty() ? r.parents.isEmpty()
                                                 : r.parents.contains(m_current.first());
        if (follows)
            next << r.id;
    }
    const QString from = m_current.isEmpty() ? Tr::tr("base") : m_current.first();
    if (next.isEmpty())
        return Error(Error::Kind::Graph, Tr::tr("No revision follows %1.").arg(from));
    if (next.size() > 1)
        return Error(Error::Kind::Graph,
                     Tr::tr("Several revisions follow %1 (%2): choose one and use Upgrade to Here.")
                         .arg(from, next.join(u", "_s)));
    return next.first();
}

QString ExplicitTargets::stepBack(const QString &id) const
{
    const GraphRow *r = row(id);
    // A row no file has: its parent is unknown, and "base" would take back everything. The
    // engine then says it cannot find the revision.
    if (!r || r->state == GraphRow::State::Orphan)
        return id + u"@-1"_s;
    const QString parent = r && !r->parents.isEmpty() ? r->parents.first() : QString();
    if (m_current.size() <= 1)
        return parent.isEmpty() ? u"base"_s : id + u'@' + parent;
    return id + u'@' + (parent.isEmpty() ? u"base"_s : parent);
}

} // namespace Retort::Ui

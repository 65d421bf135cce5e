#include "revisionformatter.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

RevisionFormatter::RevisionFormatter(const RevisionGraph &graph, QStringList currentHeads)
    : m_graph(graph)
    , m_current(std::move(currentHeads))
{}

QString RevisionFormatter::indicators(const QString &id, bool head, bool tree) const
{
    QString text;
    if (head) {
        const bool realHead = m_graph.isRealHead(id);
        if (realHead)
            text += u" (head)"_s;
        else if (m_graph.isHead(id))
            text += u" (effective head)"_s;
        if (m_current.contains(id))
            text += u" (current)"_s;
    }
    if (tree) {
        if (m_graph.isBranchPoint(id))
            text += u" (branchpoint)"_s;
        if (m_graph.isMergePoint(id))
            text += u" (mergepoint)"_s;
    }
    return text;
}

QString RevisionFormatter::line(const QString &id, const Options &options) const
{
    const Revision *r = m_graph.revision(id);
    if (!r)
        return id;
    QString text = id;
    if (options.parents) {
        const QString down = r->parents.isEmpty() ? u"<base>"_s : r->parents.join(u", "_s);
        // As written (a label stays a label), as Alembic prints Script.dependencies.
        const QStringList &deps = r->dependsOn;
        text = deps.isEmpty() ? QString(down + u" -> "_s + id)
                              : QString(down + u" ("_s + deps.join(u", "_s) + u") -> "_s + id);
    }
    const QStringList labels = m_graph.branchLabels(id);
    if (options.branches && !labels.isEmpty())
        text += u" ("_s + labels.join(u", "_s) + u')';
    text += indicators(id, options.headIndicators, options.treeIndicators);
    if (options.message)
        text += u", "_s + r->message.section(u'\n', 0, 0);
    return text;
}

QString RevisionFormatter::docstring(const Revision &r) const
{
    QStringList lines = r.message.split(u'\n');
    lines << QString() << u"Revision ID: "_s + r.id << u"Revises: "_s + r.parents.join(u", "_s)
          << u"Create Date: "_s + r.createDate;
    QString out;
    for (const QString &l : std::as_const(lines))
        out += l.isEmpty() ? u"    \n"_s : u"    "_s + l + u'\n';
    return out;
}

QString RevisionFormatter::logEntry(const QString &id) const
{
    const Revision *r = m_graph.revision(id);
    if (!r)
        return {};
    // Alembic's log_entry says "(head)" for every versioned head, effective or real.
    QString text = u"Rev: "_s + id;
    if (m_graph.isHead(id))
        text += u" (head)"_s;
    text += indicators(id, false, true);
    if (m_current.contains(id))
        text += u" (current)"_s;
    text += u'\n';
    if (r->isMergePoint())
        text += u"Merges: "_s + r->parents.join(u", "_s) + u'\n';
    else
        text += u"Parent: "_s + (r->parents.isEmpty() ? u"<base>"_s : r->parents.first()) + u'\n';
    if (!r->dependsOn.isEmpty())
        text += u"Also depends on: "_s + r->dependsOn.join(u", "_s) + u'\n';
    if (m_graph.isBranchPoint(id))
        text += u"Branches into: "_s + m_graph.children(id).join(u", "_s) + u'\n';
    const QStringList labels = m_graph.branchLabels(id);
    if (!labels.isEmpty())
        text += u"Branch names: "_s + labels.join(u", "_s) + u'\n';
    text += u"Path: "_s + r->filePath + u"\n\n"_s + docstring(*r) + u'\n';
    return text;
}

QJsonObject RevisionFormatter::json(const QString &id) const
{
    const Revision *r = m_graph.revision(id);
    if (!r)
        return {};
    return QJsonObject{
        {u"revision"_s, id},
        {u"parents"_s, QJsonArray::fromStringList(r->parents)},
        {u"depends_on"_s, QJsonArray::fromStringList(m_graph.dependencies(id))},
        {u"branch_labels"_s, QJsonArray::fromStringList(m_graph.branchLabels(id))},
        {u"message"_s, r->message},
        {u"create_date"_s, r->createDate},
        {u"path"_s, r->filePath},
        {u"is_head"_s, m_graph.isRealHead(id)},
        // A head by parents that another revision depends on: Alembic's "(effective head)".
        {u"is_effective_head"_s, m_graph.isHead(id) && !m_graph.isRealHead(id)},
        {u"is_branch_point"_s, m_graph.isBranchPoint(id)},
        {u"is_merge_point"_s, m_graph.isMergePoint(id)},
    };
}

} // namespace Retort

#pragma once

#include "revisiongraph.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Retort {

// Alembic's text forms of a revision (Script.cmd_format / log_entry), so `retort heads`,
// `history` and `show` print what `alembic` prints. Pure; any thread.
class RevisionFormatter
{
public:
    struct Options
    {
        bool parents = false;        // "<parents> -> " before the id
        bool branches = false;       // " (label, ...)"
        bool headIndicators = true;  // " (head)", " (effective head)", " (current)"
        bool treeIndicators = true;  // " (branchpoint)", " (mergepoint)"
        bool message = false;        // ", <message>"
    };

    explicit RevisionFormatter(const RevisionGraph &graph, QStringList currentHeads = {});

    // One line, e.g. "aaa111 -> bbb222 (cmt) (head) (branchpoint), posts".
    QString line(const QString &id, const Options &options) const;
    // The multi-line "Rev: ..." block of `-v` output, ending with a blank line.
    QString logEntry(const QString &id) const;
    // Machine-readable form for --json (README "JSON output"). Graph facts only: whether the
    // database is at it is for the caller, which knows the database.
    QJsonObject json(const QString &id) const;

private:
    QString indicators(const QString &id, bool head, bool tree) const;
    QString docstring(const Revision &revision) const;

    const RevisionGraph &m_graph;
    QStringList m_current;
};

} // namespace Retort

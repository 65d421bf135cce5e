#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace Retort {

// One SQL statement of a rendered migration, linked back to the operation(s) it came from, so
// the GUI can highlight the statements of one operation. `sql` has no terminating ';'.
struct RenderedStatement
{
    RenderedStatement() = default;
    explicit RenderedStatement(const QString &statement) : sql(statement) {}

    QString sql;
    int operationIndex = -1; // index into the rendered operation list
    // Consecutive operations this statement serves, starting at operationIndex: more than 1
    // when SQLite rebuilds a table once for several operations on it.
    int operationCount = 1;
    // Must run outside a transaction block: the revision needs `-- migrate:no-transaction`
    // (PostgreSQL ALTER TYPE ... ADD VALUE).
    bool outsideTransaction = false;
    // Must run with SQLite's foreign keys off (a rebuild of a table other tables refer to): the
    // revision needs `-- migrate:foreign-keys-off`, and the runner switches them off before the
    // revision's transaction and checks them before its commit.
    bool foreignKeysOff = false;
    // A warning for the reader, written as a comment above the statement; empty if none.
    QString note;

    bool serves(int index) const
    {
        return index >= operationIndex && index < operationIndex + operationCount;
    }
    bool operator==(const RenderedStatement &) const = default;

    // The statements as a revision section (and the GUI's preview) shows them: each ends in ';',
    // notes above it as comments, a blank line between. `lines`, when given, gets each
    // statement's first and last 0-based line in the text.
    static QString join(const QList<RenderedStatement> &statements,
                        QList<QPair<int, int>> *lines = nullptr);
};

using RenderedStatementList = QList<RenderedStatement>;

} // namespace Retort

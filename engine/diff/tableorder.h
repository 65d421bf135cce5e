#pragma once

#include <engine/schema/table.h>

#include <QList>

namespace Retort::Ops {

// Orders tables so that each comes after the tables its foreign keys reference (within the
// given set). Iterative Kahn's algorithm: no recursion, any FK chain length. A cycle is broken
// at its first table in input order: the FKs of that table that point at tables not yet placed
// are deferred (to be added after all tables exist). Self-references never defer.
class TableOrder
{
public:
    struct Deferred
    {
        int table = 0;      // index into the input list
        int foreignKey = 0; // index into that table's foreignKeys
    };

    QList<int> order;         // input indexes, parents first
    QList<Deferred> deferred; // in order of discovery

    // `caseInsensitive`: table names compare ignoring case (SQLite).
    static TableOrder compute(const QList<const Schema::Table *> &tables, bool caseInsensitive);
};

} // namespace Retort::Ops

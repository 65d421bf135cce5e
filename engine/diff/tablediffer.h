#pragma once

#include "diffoptions.h"
#include "matchrules.h"
#include "operation.h"
#include "renamecandidate.h"

#include <engine/schema/table.h>

namespace Retort::Ops {

// The changes inside one table that exists on both sides. Operations name the table, and the
// columns they alter or drop, as `current` spells them: that is what the database has. FK drops and
// adds come apart from the rest: the differ runs all FK drops before, and all FK adds after, every
// table's changes.
class TableDiffer
{
public:
    struct Changes
    {
        OperationList dropForeignKeys;
        OperationList body; // index/constraint drops, renames, columns, constraint/index adds
        OperationList addForeignKeys;
        QList<RenameCandidate> renameCandidates;
    };

    static Changes diff(const Schema::Table &current,
                        const Schema::Table &desired,
                        const DiffOptions &options,
                        const MatchRules &rules);
    // The AlterColumn between two columns of the same name, or none if they compare equal.
    static std::optional<AlterColumn> alterColumn(const QString &table,
                                                  const Schema::Column &from,
                                                  const Schema::Column &to);
};

} // namespace Retort::Ops

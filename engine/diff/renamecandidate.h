#pragma once

#include <engine/schema/column.h>

#include <QString>

namespace Retort::Ops {

// A dropped and an added column of the same normalised type in one table: maybe a rename.
struct RenameCandidate
{
    QString table;
    Schema::Column from; // the dropped column
    Schema::Column to;   // the added column

    // "Possible rename of column 'user.name' to 'user.full_name'"
    QString describe() const;
    // "user.name=full_name", as DiffOptions::renames and `--rename` take it
    QString renameSpec() const;
    bool operator==(const RenameCandidate &) const = default;
};

} // namespace Retort::Ops

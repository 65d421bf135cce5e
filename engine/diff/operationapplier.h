#pragma once

#include "operation.h"

#include <engine/core/result.h>
#include <engine/schema/database.h>

namespace Retort::Ops {

// Applies operations to a schema model, as the database would apply the rendered SQL. Lets
// renderers know a table's state at any point of a migration (SQLite's rebuild needs the whole
// table), and lets tests check that applying diff(a, b) to a gives b.
class OperationApplier
{
public:
    static Result<void> apply(Schema::Database &database, const Operation &op);
    static Result<void> apply(Schema::Database &database, const OperationList &ops);
};

} // namespace Retort::Ops

#pragma once

#include "operation.h"

namespace Retort::Ops {

// Orders view operations by the views' references to each other, so that PostgreSQL and MySQL,
// which check a view's definition when it is created or dropped, accept them: CreateView and
// ReplaceView after the views their definition reads, DropView before the views it reads.
// A view "reads" another when the other's name appears in its definition as a whole word
// (case-insensitive; a false match only reorders). Otherwise the input order stays; views that
// name each other keep theirs. Operations other than these three keep their places.
class ViewOrder
{
public:
    static void sortCreates(OperationList &ops);
    static void sortDrops(OperationList &ops);
};

} // namespace Retort::Ops

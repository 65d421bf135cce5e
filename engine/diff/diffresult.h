#pragma once

#include "operation.h"
#include "renamecandidate.h"

#include <QList>

namespace Retort::Ops {

// What Differ::diff returns: the operations in a runnable order, and the possible renames it saw.
struct DiffResult
{
    OperationList operations;
    QList<RenameCandidate> renameCandidates;

    bool isEmpty() const { return operations.isEmpty(); }
    bool hasDestructive() const;
    QStringList describe() const; // describe() of each operation, in order
};

} // namespace Retort::Ops

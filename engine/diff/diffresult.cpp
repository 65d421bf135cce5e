#include "diffresult.h"

namespace Retort::Ops {

bool DiffResult::hasDestructive() const
{
    for (const Operation &op : operations) {
        if (isDestructive(op))
            return true;
    }
    return false;
}

QStringList DiffResult::describe() const
{
    QStringList lines;
    for (const Operation &op : operations)
        lines.append(Ops::describe(op).split(u'\n'));
    return lines;
}

} // namespace Retort::Ops

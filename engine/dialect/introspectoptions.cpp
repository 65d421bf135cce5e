#include "introspectoptions.h"

#include <engine/diff/diffoptions.h>

namespace Retort {

bool IntrospectOptions::isExcluded(const QString &name) const
{
    Ops::DiffOptions rules;
    rules.versionTable = versionTable;
    rules.historyTable = historyTable;
    rules.excludeTables = excludeTables;
    return rules.isExcluded(name);
}

} // namespace Retort

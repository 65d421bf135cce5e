#pragma once

#include <QList>
#include <QString>

namespace Retort {

// One SQL statement cut from a script, with the 1-based file line it starts on.
struct Statement
{
    QString text; // without the terminating ';', trimmed
    int line = 0;
    bool operator==(const Statement &) const = default;
};

using StatementList = QList<Statement>;

} // namespace Retort

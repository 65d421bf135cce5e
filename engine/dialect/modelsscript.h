#pragma once

#include <engine/sql/statement.h>

#include <QString>

namespace Retort {

// One models file cut into statements (lines are the file's), as the scratch databases run it.
struct ModelsScript
{
    QString file;
    StatementList statements;
};

} // namespace Retort

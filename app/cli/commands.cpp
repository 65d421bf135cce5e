#include "commands.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

const QList<Command> &commands()
{
    static const QList<Command> all{
        {u"init"_s, u"Create a new project: retort.ini, schema.sql, migrations/versions/."_s, runInit},
    };
    return all;
}

} // namespace Retort::Cli

#include "renamecandidate.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

QString RenameCandidate::describe() const
{
    return u"Possible rename of column '%1.%2' to '%1.%3'"_s.arg(table, from.name, to.name);
}

QString RenameCandidate::renameSpec() const
{
    return table + u'.' + from.name + u'=' + to.name;
}

} // namespace Retort::Ops

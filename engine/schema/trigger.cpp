#include "trigger.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QJsonObject Trigger::toJson() const
{
    return QJsonObject{{u"name"_s, name}, {u"definition"_s, definition}};
}

} // namespace Retort::Schema

#include "view.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QJsonObject View::toJson() const
{
    return QJsonObject{
        {u"name"_s, name}, {u"definition"_s, definition}, {u"materialized"_s, materialized}};
}

} // namespace Retort::Schema

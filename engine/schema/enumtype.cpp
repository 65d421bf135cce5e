#include "enumtype.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QJsonObject EnumType::toJson() const
{
    return QJsonObject{{u"name"_s, name}, {u"values"_s, QJsonArray::fromStringList(values)}};
}

} // namespace Retort::Schema

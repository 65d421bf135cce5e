#include "primarykey.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QJsonObject PrimaryKey::toJson() const
{
    return QJsonObject{{u"name"_s, name}, {u"columns"_s, QJsonArray::fromStringList(columns)}};
}

} // namespace Retort::Schema

#include "columntype.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QJsonObject ColumnType::toJson() const
{
    return QJsonObject{{u"raw"_s, raw}, {u"normalized"_s, normalized}};
}

} // namespace Retort::Schema

#include "uniqueconstraint.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QJsonObject UniqueConstraint::toJson() const
{
    return QJsonObject{{u"name"_s, name},
                       {u"columns"_s, QJsonArray::fromStringList(columns)},
                       {u"deferrable"_s, deferrable},
                       {u"initially_deferred"_s, initiallyDeferred}};
}

} // namespace Retort::Schema

#include "checkconstraint.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QJsonObject CheckConstraint::toJson() const
{
    return QJsonObject{{u"name"_s, name}, {u"expression"_s, expression}};
}

} // namespace Retort::Schema

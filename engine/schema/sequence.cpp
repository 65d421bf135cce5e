#include "sequence.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QJsonObject Sequence::toJson() const
{
    // qint64 goes to JSON as a string: doubles lose precision above 2^53.
    return QJsonObject{{u"name"_s, name},
                       {u"data_type"_s, dataType},
                       {u"start"_s, QString::number(start)},
                       {u"increment"_s, QString::number(increment)},
                       {u"min_value"_s, QString::number(minValue)},
                       {u"max_value"_s, QString::number(maxValue)},
                       {u"cache"_s, QString::number(cache)},
                       {u"cycle"_s, cycle},
                       {u"owned_by"_s, ownedBy}};
}

} // namespace Retort::Schema

#include "indexcolumn.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QString IndexColumn::displayText() const
{
    QString text = isExpression() ? expression : name;
    if (!collation.isEmpty())
        text += u" COLLATE "_s + collation;
    if (descending)
        text += u" DESC"_s;
    if (nulls != Nulls::Default)
        text += nulls == Nulls::First ? u" NULLS FIRST"_s : u" NULLS LAST"_s;
    return text;
}

QJsonObject IndexColumn::toJson() const
{
    return QJsonObject{{u"name"_s, name},
                       {u"expression"_s, expression},
                       {u"descending"_s, descending},
                       {u"collation"_s, collation},
                       {u"nulls"_s,
                        nulls == Nulls::Default
                            ? u"default"_s
                            : (nulls == Nulls::First ? u"first"_s : u"last"_s)}};
}

} // namespace Retort::Schema

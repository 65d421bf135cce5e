#include "indexcolumn.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QString IndexColumn::displayText() const
{
    QString text = isExpression() ? expression : name;
    if (length > 0)
        text += u'(' + QString::number(length) + u')';
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
    QJsonObject o{{u"name"_s, name},
                  {u"expression"_s, expression},
                  {u"descending"_s, descending},
                  {u"collation"_s, collation}};
    if (length > 0) // MySQL only: other dialects' JSON stays as it was
        o.insert(u"length"_s, length);
    if (nulls != Nulls::Default) // PostgreSQL only, and only when not the default order
        o.insert(u"nulls"_s, nulls == Nulls::First ? u"first"_s : u"last"_s);
    return o;
}

} // namespace Retort::Schema

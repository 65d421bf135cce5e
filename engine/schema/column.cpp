#include "column.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QString identityName(Identity identity)
{
    switch (identity) {
    case Identity::None:
        return u"none"_s;
    case Identity::AutoIncrement:
        return u"autoincrement"_s;
    case Identity::Serial:
        return u"serial"_s;
    case Identity::IdentityAlways:
        return u"identity always"_s;
    case Identity::IdentityByDefault:
        return u"identity by default"_s;
    }
    return {};
}

QString generatedName(Generated generated)
{
    switch (generated) {
    case Generated::None:
        return u"none"_s;
    case Generated::Stored:
        return u"stored"_s;
    case Generated::Virtual:
        return u"virtual"_s;
    }
    return {};
}

QJsonObject Column::toJson() const
{
    QJsonObject o{{u"name"_s, name},
                  {u"type"_s, type.toJson()},
                  {u"nullable"_s, nullable},
                  {u"default"_s, defaultExpression ? QJsonValue(*defaultExpression) : QJsonValue()},
                  {u"identity"_s, identityName(identity)},
                  {u"collation"_s, collation},
                  {u"generated"_s, generatedName(generated)},
                  {u"generation_expression"_s, generationExpression},
                  {u"comment"_s, comment}};
    if (!onUpdate.isEmpty()) // MySQL only: other dialects' JSON stays as it was
        o.insert(u"on_update"_s, onUpdate);
    return o;
}

} // namespace Retort::Schema

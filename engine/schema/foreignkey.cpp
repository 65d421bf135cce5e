#include "foreignkey.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QString referentialActionSql(ReferentialAction action)
{
    switch (action) {
    case ReferentialAction::NoAction:
        return u"NO ACTION"_s;
    case ReferentialAction::Restrict:
        return u"RESTRICT"_s;
    case ReferentialAction::Cascade:
        return u"CASCADE"_s;
    case ReferentialAction::SetNull:
        return u"SET NULL"_s;
    case ReferentialAction::SetDefault:
        return u"SET DEFAULT"_s;
    }
    return {};
}

ReferentialAction referentialActionFromSql(const QString &text)
{
    // Also accepts PostgreSQL's pg_constraint codes (a, r, c, n, d).
    const QString t = text.simplified().toUpper();
    if (t == u"RESTRICT"_s || t == u"R"_s)
        return ReferentialAction::Restrict;
    if (t == u"CASCADE"_s || t == u"C"_s)
        return ReferentialAction::Cascade;
    if (t == u"SET NULL"_s || t == u"N"_s)
        return ReferentialAction::SetNull;
    if (t == u"SET DEFAULT"_s || t == u"D"_s)
        return ReferentialAction::SetDefault;
    return ReferentialAction::NoAction;
}

QJsonObject ForeignKey::toJson() const
{
    return QJsonObject{{u"name"_s, name},
                       {u"columns"_s, QJsonArray::fromStringList(columns)},
                       {u"referenced_schema"_s, referencedSchema},
                       {u"referenced_table"_s, referencedTable},
                       {u"referenced_columns"_s, QJsonArray::fromStringList(referencedColumns)},
                       {u"on_delete"_s, referentialActionSql(onDelete)},
                       {u"on_update"_s, referentialActionSql(onUpdate)},
                       {u"deferrable"_s, deferrable},
                       {u"initially_deferred"_s, initiallyDeferred}};
}

} // namespace Retort::Schema

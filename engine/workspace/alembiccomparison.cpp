#include "alembiccomparison.h"

#include <engine/core/enginetr.h>

#include <QHash>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

// Alembic's own words in its "Detected ..." log lines.
const QHash<QString, QString> verbs = {
    {u"add_table"_s, u"added table"_s},         {u"drop_table"_s, u"removed table"_s},
    {u"add_column"_s, u"added column"_s},       {u"drop_column"_s, u"removed column"_s},
    {u"alter_column"_s, u"changed column"_s},   {u"create_index"_s, u"added index"_s},
    {u"drop_index"_s, u"removed index"_s},      {u"add_constraint"_s, u"added constraint"_s},
    {u"drop_constraint"_s, u"removed constraint"_s},
};

AlembicOperation operationOf(const QJsonObject &o)
{
    AlembicOperation op;
    op.index = o.value(u"index").toInt();
    op.kind = o.value(u"kind").toString();
    op.table = o.value(u"table").toString();
    op.schema = o.value(u"schema").toString();
    op.name = o.value(u"name").toString();
    op.destructive = o.value(u"destructive").toBool();
    op.reason = o.value(u"reason").toString();
    op.python = o.value(u"python").toString();
    op.sql = o.value(u"sql").toString();
    op.sqlError = o.value(u"sql_error").toString();
    return op;
}

} // namespace

const AlembicRenamePreview *AlembicComparison::rename(int drop, int add) const
{
    for (const AlembicRenamePreview &r : renames) {
        if (r.drop == drop && r.add == add)
            return &r;
    }
    return nullptr;
}

QStringList AlembicComparison::describe() const
{
    QStringList lines;
    for (const AlembicOperation &op : operations) {
        const QString table = op.schema.isEmpty() ? op.table : op.schema + u'.' + op.table;
        QString what = verbs.value(op.kind);
        if (what.isEmpty())
            what = QString(op.kind).replace(u'_', u' ');
        lines << (op.name.isEmpty() ? Tr::tr("Detected %1 '%2'").arg(what, table)
                                    : Tr::tr("Detected %1 '%2.%3'").arg(what, table, op.name));
    }
    return lines;
}

AlembicComparison AlembicComparison::fromJson(const QJsonObject &result)
{
    AlembicComparison c;
    c.upToDate = result.value(u"up_to_date").toBool();
    c.current = strings(result.value(u"current"));
    c.heads = strings(result.value(u"heads"));
    c.dialect = result.value(u"dialect").toString();
    for (const QJsonValue &v : result.value(u"operations").toArray())
        c.operations << operationOf(v.toObject());
    for (const QJsonValue &v : result.value(u"renames").toArray()) {
        const QJsonObject o = v.toObject();
        c.renames << AlembicRenamePreview{o.value(u"drop").toInt(-1), o.value(u"add").toInt(-1),
                                          o.value(u"python").toString(), o.value(u"sql").toString(),
                                          o.value(u"sql_error").toString()};
    }
    return c;
}

} // namespace Retort

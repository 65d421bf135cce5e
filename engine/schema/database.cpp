#include "database.h"

#include "schematext.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

namespace {

template<typename T>
const T *findByName(const QList<T> &list, const QString &name)
{
    for (const T &item : list) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

template<typename T>
QJsonArray toJsonArray(const QList<T> &list)
{
    QJsonArray array;
    for (const T &item : list)
        array.append(item.toJson());
    return array;
}

} // namespace

const Table *Database::table(const QString &name) const
{
    return findByName(tables, name);
}

Table *Database::table(const QString &name)
{
    for (Table &t : tables) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

const View *Database::view(const QString &name) const
{
    return findByName(views, name);
}

const EnumType *Database::enumType(const QString &name) const
{
    return findByName(enums, name);
}

const Sequence *Database::sequence(const QString &name) const
{
    return findByName(sequences, name);
}

QJsonObject Database::toJson() const
{
    return QJsonObject{{u"dialect"_s, dialectName(dialect)},
                       {u"schema"_s, schemaName},
                       {u"tables"_s, toJsonArray(tables)},
                       {u"views"_s, toJsonArray(views)},
                       {u"enums"_s, toJsonArray(enums)},
                       {u"sequences"_s, toJsonArray(sequences)}};
}

QString Database::toText() const
{
    return SchemaText::format(*this);
}

} // namespace Retort::Schema

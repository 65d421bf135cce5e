#include "table.h"

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

const Column *Table::column(const QString &columnName) const
{
    return findByName(columns, columnName);
}

Column *Table::column(const QString &columnName)
{
    const int i = columnIndex(columnName);
    return i < 0 ? nullptr : &columns[i];
}

const Index *Table::index(const QString &indexName) const
{
    return findByName(indexes, indexName);
}

const ForeignKey *Table::foreignKey(const QString &fkName) const
{
    return findByName(foreignKeys, fkName);
}

const UniqueConstraint *Table::uniqueConstraint(const QString &constraintName) const
{
    return findByName(uniqueConstraints, constraintName);
}

const CheckConstraint *Table::checkConstraint(const QString &constraintName) const
{
    return findByName(checkConstraints, constraintName);
}

int Table::columnIndex(const QString &columnName) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns.at(i).name == columnName)
            return i;
    }
    return -1;
}

QJsonObject Table::toJson() const
{
    return QJsonObject{{u"name"_s, name},
                       {u"columns"_s, toJsonArray(columns)},
                       {u"primary_key"_s, primaryKey.toJson()},
                       {u"unique_constraints"_s, toJsonArray(uniqueConstraints)},
                       {u"indexes"_s, toJsonArray(indexes)},
                       {u"foreign_keys"_s, toJsonArray(foreignKeys)},
                       {u"check_constraints"_s, toJsonArray(checkConstraints)},
                       {u"triggers"_s, toJsonArray(triggers)},
                       {u"comment"_s, comment},
                       {u"without_rowid"_s, withoutRowid},
                       {u"strict"_s, strict},
                       {u"engine"_s, engine}};
}

} // namespace Retort::Schema

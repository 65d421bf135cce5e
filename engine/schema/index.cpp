#include "index.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

QStringList Index::columnNames() const
{
    QStringList names;
    names.reserve(columns.size());
    for (const IndexColumn &c : columns)
        names.append(c.displayText());
    return names;
}

QJsonObject Index::toJson() const
{
    QJsonArray cols;
    for (const IndexColumn &c : columns)
        cols.append(c.toJson());
    return QJsonObject{{u"name"_s, name},
                       {u"unique"_s, unique},
                       {u"columns"_s, cols},
                       {u"where"_s, where},
                       {u"method"_s, method}};
}

} // namespace Retort::Schema

#include "mysqlsqltext.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// Index just past the quoted token that starts at `start` (quote char doubled or
// backslash-escaped inside); the text's end if unterminated.
int skipQuoted(const QString &sql, int start)
{
    const QChar quote = sql.at(start);
    for (int i = start + 1; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (c == u'\\' && quote != u'`') {
            ++i;
        } else if (c == quote) {
            if (i + 1 < sql.size() && sql.at(i + 1) == quote)
                ++i;
            else
                return i + 1;
        }
    }
    return sql.size();
}

} // namespace

QString MysqlSqlText::stripSchema(const QString &sql, const QString &schema)
{
    if (schema.isEmpty())
        return sql;
    const QString qualifier = quoteIdentifier(schema) + u'.';
    QString out;
    out.reserve(sql.size());
    int i = 0;
    while (i < sql.size()) {
        const QChar c = sql.at(i);
        if (c == u'`' && QStringView(sql).mid(i).startsWith(qualifier)) {
            i += qualifier.size();
        } else if (c == u'\'' || c == u'"' || c == u'`') {
            const int end = skipQuoted(sql, i);
            out += QStringView(sql).mid(i, end - i);
            i = end;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

QString MysqlSqlText::quoteIdentifier(const QString &name)
{
    return u'`' + QString(name).replace(u"`"_s, u"``"_s) + u'`';
}

} // namespace Retort

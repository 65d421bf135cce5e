#include "mysqldefaults.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// CURRENT_TIMESTAMP, now(), localtimestamp(6) ... -> current_timestamp() / current_timestamp(6).
std::optional<QString> currentTimestamp(const QString &text)
{
    static const QRegularExpression re(
        u"^(current_timestamp|now|localtime|localtimestamp)\\s*(\\(\\s*(\\d*)\\s*\\))?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return u"current_timestamp("_s + m.captured(3) + u')';
}

bool isNumericType(const QString &dataType)
{
    static const QStringList names{u"tinyint"_s, u"smallint"_s, u"mediumint"_s, u"int"_s,
                                   u"integer"_s, u"bigint"_s, u"decimal"_s, u"numeric"_s,
                                   u"float"_s, u"double"_s, u"real"_s, u"year"_s};
    return names.contains(dataType.toLower());
}

} // namespace

std::optional<QString> MysqlDefaults::fromMariaDb(const QVariant &columnDefault)
{
    if (columnDefault.isNull())
        return std::nullopt;
    const QString text = columnDefault.toString();
    if (text == u"NULL"_s)
        return std::nullopt;
    if (const auto ts = currentTimestamp(text))
        return ts;
    return text;
}

std::optional<QString> MysqlDefaults::fromMySql(const QVariant &columnDefault,
                                                const QString &dataType, const QString &extra)
{
    if (columnDefault.isNull())
        return std::nullopt;
    const QString text = columnDefault.toString();
    if (extra.contains(u"DEFAULT_GENERATED"_s, Qt::CaseInsensitive)) {
        if (const auto ts = currentTimestamp(text))
            return ts;
        return text.startsWith(u'(') ? text : u'(' + text + u')';
    }
    if (isNumericType(dataType) || (dataType.compare(u"bit"_s, Qt::CaseInsensitive) == 0
                                    && text.startsWith(u"b'"_s)))
        return text;
    return quoteLiteral(text);
}

QString MysqlDefaults::onUpdate(const QString &extra)
{
    static const QRegularExpression re(u"on update (\\S+(\\s*\\(\\s*\\d*\\s*\\))?)"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(extra);
    if (!m.hasMatch())
        return {};
    return currentTimestamp(m.captured(1)).value_or(m.captured(1));
}

QString MysqlDefaults::quoteLiteral(const QString &value)
{
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s);
    escaped.replace(u"'"_s, u"''"_s);
    return u'\'' + escaped + u'\'';
}

} // namespace Retort

#include "postgrestypes.h"

#include <QHash>
#include <QRegularExpression>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// Built-in names (lower case, single spaces, no modifier) and their canonical spelling.
const QHash<QString, QString> &canonicalNames()
{
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> h{
            {u"integer"_s, u"INTEGER"_s}, {u"int"_s, u"INTEGER"_s}, {u"int4"_s, u"INTEGER"_s},
            {u"bigint"_s, u"BIGINT"_s}, {u"int8"_s, u"BIGINT"_s},
            {u"smallint"_s, u"SMALLINT"_s}, {u"int2"_s, u"SMALLINT"_s},
            {u"serial"_s, u"INTEGER"_s}, {u"serial4"_s, u"INTEGER"_s},
            {u"bigserial"_s, u"BIGINT"_s}, {u"serial8"_s, u"BIGINT"_s},
            {u"smallserial"_s, u"SMALLINT"_s}, {u"serial2"_s, u"SMALLINT"_s},
            {u"character varying"_s, u"VARCHAR"_s}, {u"varchar"_s, u"VARCHAR"_s},
            {u"character"_s, u"CHAR"_s}, {u"char"_s, u"CHAR"_s},
            {u"numeric"_s, u"NUMERIC"_s}, {u"decimal"_s, u"NUMERIC"_s},
            {u"double precision"_s, u"DOUBLE PRECISION"_s}, {u"float8"_s, u"DOUBLE PRECISION"_s},
            {u"real"_s, u"REAL"_s}, {u"float4"_s, u"REAL"_s},
            {u"boolean"_s, u"BOOLEAN"_s}, {u"bool"_s, u"BOOLEAN"_s},
            {u"timestamp"_s, u"TIMESTAMP"_s}, {u"timestamp without time zone"_s, u"TIMESTAMP"_s},
            {u"timestamptz"_s, u"TIMESTAMPTZ"_s}, {u"timestamp with time zone"_s, u"TIMESTAMPTZ"_s},
            {u"time"_s, u"TIME"_s}, {u"time without time zone"_s, u"TIME"_s},
            {u"timetz"_s, u"TIMETZ"_s}, {u"time with time zone"_s, u"TIMETZ"_s},
            {u"bit varying"_s, u"VARBIT"_s}, {u"varbit"_s, u"VARBIT"_s},
        };
        // Types whose canonical spelling is simply their name in upper case.
        const char *const plain[] = {
            "text", "bytea", "uuid", "json", "jsonb", "xml", "date", "bit", "bpchar", "money",
            "inet", "cidr", "macaddr", "macaddr8", "tsvector", "tsquery", "point", "line", "lseg",
            "box", "path", "polygon", "circle", "oid", "name", "regclass", "int4range",
            "int8range", "numrange", "tsrange", "tstzrange", "daterange", "int4multirange",
            "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
            "pg_lsn", "pg_snapshot", "txid_snapshot", "jsonpath", "interval"};
        for (const char *p : plain)
            h.insert(QString::fromLatin1(p), QString::fromLatin1(p).toUpper());
        return h;
    }();
    return names;
}

// Interval field qualifiers ("interval day to second").
bool isIntervalWithFields(const QString &base)
{
    static const QRegularExpression re(
        u"^interval (year|month|day|hour|minute|second)( to (month|hour|minute|second))?$"_s);
    return re.match(base).hasMatch();
}

// Removes trailing array brackets ("[]", "[3]", "[][]", " array"); true when there were any.
bool stripArray(QString &text)
{
    static const QRegularExpression re(u"(\\s*\\[\\s*\\d*\\s*\\])+$|\\s+array$"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    text.truncate(m.capturedStart());
    text = text.trimmed();
    return true;
}

// The canonical spelling of a built-in type without array brackets; empty if not built-in.
QString normalizeBuiltin(const QString &text)
{
    QString lower = text.simplified().toLower();
    if (lower.startsWith(u"pg_catalog."_s))
        lower = lower.mid(11);
    // The modifier may sit inside the name: "timestamp(3) with time zone".
    static const QRegularExpression modRe(u"\\s*\\(([^)]*)\\)"_s);
    QString modifier;
    const QRegularExpressionMatch m = modRe.match(lower);
    if (m.hasMatch()) {
        modifier = m.captured(1).remove(u' ');
        lower = QString(lower.left(m.capturedStart()) + u' ' + lower.mid(m.capturedEnd())).simplified();
    }
    if (lower == u"float") {
        const int p = modifier.isEmpty() ? 53 : modifier.toInt();
        return p >= 1 && p <= 24 ? u"REAL"_s : u"DOUBLE PRECISION"_s;
    }
    QString base;
    if (isIntervalWithFields(lower))
        base = lower.toUpper();
    else
        base = canonicalNames().value(lower);
    if (base.isEmpty())
        return {};
    if (modifier.isEmpty() && (base == u"CHAR" || base == u"BIT"))
        modifier = u"1"_s; // PostgreSQL: char and bit without a length mean length 1
    return modifier.isEmpty() ? base : base + u'(' + modifier + u')';
}

} // namespace

QString PostgresTypes::normalize(const QString &raw)
{
    QString text = raw.trimmed();
    if (text.isEmpty())
        return {};
    bool array = stripArray(text);
    QString result = text.startsWith(u'"') ? QString() : normalizeBuiltin(text);
    if (result.isEmpty() && !array && text.startsWith(u'_')) { // pg_type's array name: _int4
        result = normalizeBuiltin(text.mid(1));
        array = !result.isEmpty();
    }
    if (result.isEmpty())
        result = text; // enum, domain or extension type: its name is case-sensitive
    return array ? result + u"[]"_s : result;
}

QString PostgresTypes::serialBaseType(const QString &raw)
{
    const QString lower = raw.trimmed().toLower();
    if (lower == u"serial" || lower == u"serial4")
        return u"INTEGER"_s;
    if (lower == u"bigserial" || lower == u"serial8")
        return u"BIGINT"_s;
    if (lower == u"smallserial" || lower == u"serial2")
        return u"SMALLINT"_s;
    return {};
}

qint64 PostgresTypes::integerMaximum(const QString &normalized)
{
    if (normalized == u"SMALLINT")
        return 32767;
    if (normalized == u"INTEGER")
        return 2147483647;
    if (normalized == u"BIGINT")
        return std::numeric_limits<qint64>::max();
    return 0;
}

} // namespace Retort

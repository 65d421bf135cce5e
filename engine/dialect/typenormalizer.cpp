#include "typenormalizer.h"

#include <engine/dialect/mysql/mysqltypes.h>

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// "varchar ( 20 )" -> "VARCHAR(20)": whitespace collapsed, none around ( ) and ',', upper
// case outside '...' and "..." (which are copied as they are).
QString canonicalText(const QString &raw, bool upper)
{
    QString out;
    QChar quote;
    const QString text = raw.simplified();
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            out += c;
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'\'' || c == u'"') {
            quote = c;
            out += c;
        } else if (c == u' ') {
            const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
            const QChar prev = out.isEmpty() ? QChar() : out.back();
            if (next != u'(' && next != u')' && next != u',' && next != u'[' && prev != u'('
                && prev != u',')
                out += c;
        } else {
            out += upper ? c.toUpper() : c;
        }
    }
    return out;
}

struct Parts
{
    QString base;   // "CHARACTER VARYING"
    QString args;   // "(20)" or empty
    QString suffix; // " WITH TIME ZONE", " UNSIGNED", "[]"
};

Parts split(const QString &t)
{
    Parts p;
    const int open = t.indexOf(u'(');
    if (open < 0) {
        const int bracket = t.indexOf(u'[');
        p.base = bracket < 0 ? t : t.left(bracket);
        p.suffix = bracket < 0 ? QString() : t.mid(bracket);
        return p;
    }
    int depth = 0, close = -1;
    QChar quote;
    for (int i = open; i < t.size() && close < 0; ++i) {
        const QChar c = t.at(i);
        if (!quote.isNull())
            quote = c == quote ? QChar() : quote;
        else if (c == u'\'' || c == u'"')
            quote = c;
        else if (c == u'(')
            ++depth;
        else if (c == u')' && --depth == 0)
            close = i;
    }
    if (close < 0)
        close = t.size() - 1;
    p.base = t.left(open);
    p.args = t.mid(open, close - open + 1);
    p.suffix = t.mid(close + 1);
    return p;
}

QString join(const QString &base, const QString &args, const QString &suffix)
{
    QString s = suffix.trimmed();
    if (!s.isEmpty() && !s.startsWith(u'['))
        s.prepend(u' ');
    return base + args + s;
}

QString normalizeSqlite(const QString &raw)
{
    Parts p = split(canonicalText(raw, true));
    if (p.base == u"INT"_s)
        p.base = u"INTEGER"_s;
    else if (p.base == u"CHARACTER VARYING"_s)
        p.base = u"VARCHAR"_s;
    return join(p.base, p.args, p.suffix);
}

} // namespace

namespace {

QString normalizePostgres(const QString &raw)
{
    static const QHash<QString, QString> names{{u"INT"_s, u"INTEGER"_s},
                                               {u"INT4"_s, u"INTEGER"_s},
                                               {u"INTEGER"_s, u"INTEGER"_s},
                                               {u"SERIAL"_s, u"INTEGER"_s},
                                               {u"SERIAL4"_s, u"INTEGER"_s},
                                               {u"INT8"_s, u"BIGINT"_s},
                                               {u"BIGINT"_s, u"BIGINT"_s},
                                               {u"BIGSERIAL"_s, u"BIGINT"_s},
                                               {u"SERIAL8"_s, u"BIGINT"_s},
                                               {u"INT2"_s, u"SMALLINT"_s},
                                               {u"SMALLINT"_s, u"SMALLINT"_s},
                                               {u"SMALLSERIAL"_s, u"SMALLINT"_s},
                                               {u"SERIAL2"_s, u"SMALLINT"_s},
                                               {u"CHARACTER VARYING"_s, u"VARCHAR"_s},
                                               {u"VARCHAR"_s, u"VARCHAR"_s},
                                               {u"CHARACTER"_s, u"CHAR"_s},
                                               {u"CHAR"_s, u"CHAR"_s},
                                               {u"BPCHAR"_s, u"CHAR"_s},
                                               {u"BOOL"_s, u"BOOLEAN"_s},
                                               {u"BOOLEAN"_s, u"BOOLEAN"_s},
                                               {u"FLOAT8"_s, u"DOUBLE PRECISION"_s},
                                               {u"DOUBLE PRECISION"_s, u"DOUBLE PRECISION"_s},
                                               {u"FLOAT"_s, u"DOUBLE PRECISION"_s},
                                               {u"FLOAT4"_s, u"REAL"_s},
                                               {u"REAL"_s, u"REAL"_s},
                                               {u"DECIMAL"_s, u"NUMERIC"_s},
                                               {u"NUMERIC"_s, u"NUMERIC"_s},
                                               {u"TIMESTAMP"_s, u"TIMESTAMP"_s},
                                               {u"TIMESTAMP WITHOUT TIME ZONE"_s, u"TIMESTAMP"_s},
                                               {u"TIMESTAMPTZ"_s, u"TIMESTAMPTZ"_s},
                                               {u"TIMESTAMP WITH TIME ZONE"_s, u"TIMESTAMPTZ"_s},
                                               {u"TIME"_s, u"TIME"_s},
                                               {u"TIME WITHOUT TIME ZONE"_s, u"TIME"_s},
                                               {u"TIMETZ"_s, u"TIMETZ"_s},
                                               {u"TIME WITH TIME ZONE"_s, u"TIMETZ"_s},
                                               {u"VARBIT"_s, u"VARBIT"_s},
                                               {u"BIT VARYING"_s, u"VARBIT"_s},
                                               {u"BIT"_s, u"BIT"_s},
                                               {u"TEXT"_s, u"TEXT"_s},
                                               {u"BYTEA"_s, u"BYTEA"_s},
                                               {u"UUID"_s, u"UUID"_s},
                                               {u"JSON"_s, u"JSON"_s},
                                               {u"JSONB"_s, u"JSONB"_s},
                                               {u"DATE"_s, u"DATE"_s},
                                               {u"INTERVAL"_s, u"INTERVAL"_s},
                                               {u"MONEY"_s, u"MONEY"_s},
                                               {u"INET"_s, u"INET"_s},
                                               {u"CIDR"_s, u"CIDR"_s},
                                               {u"MACADDR"_s, u"MACADDR"_s},
                                               {u"XML"_s, u"XML"_s},
                                               {u"TSVECTOR"_s, u"TSVECTOR"_s},
                                               {u"OID"_s, u"OID"_s}};
    QString upper = canonicalText(raw, true);
    QString array;
    if (upper.startsWith(u'_') && !upper.contains(u'(')) { // pg_type's internal array name
        upper = upper.mid(1);
        array = u"[]"_s;
    }
    while (upper.endsWith(u"[]"_s)) {
        upper.chop(2);
        array += u"[]"_s;
    }
    const Parts p = split(upper);
    const QString key = QString(p.base + p.suffix).trimmed();
    if (const auto it = names.constFind(key); it != names.constEnd())
        return *it + p.args + array;
    if (const auto it = names.constFind(p.base); it != names.constEnd())
        return join(*it, p.args, p.suffix) + array;
    return canonicalText(raw, false); // a user type (enum, domain): case matters
}

} // namespace

QString TypeNormalizer::normalize(const QString &raw) const
{
    switch (m_dialect) {
    case SqlDialect::SQLite:
        return normalizeSqlite(raw);
    case SqlDialect::PostgreSQL:
        return normalizePostgres(raw);
    case SqlDialect::MySQL:
        return MysqlTypes::normalize(raw); // the MySQL introspector's own spelling
    }
    return raw;
}

} // namespace Retort

#include "typenormalizer.h"

#include <engine/dialect/mysql/mysqltypes.h>
#include <engine/dialect/postgres/postgrestypes.h>

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

QString TypeNormalizer::normalize(const QString &raw) const
{
    switch (m_dialect) {
    case SqlDialect::SQLite:
        return normalizeSqlite(raw);
    case SqlDialect::PostgreSQL:
        return PostgresTypes::normalize(raw);
    case SqlDialect::MySQL:
        return MysqlTypes::normalize(raw); // the MySQL introspector's own spelling
    }
    return raw;
}

} // namespace Retort

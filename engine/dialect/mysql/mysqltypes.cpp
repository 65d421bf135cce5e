#include "mysqltypes.h"

#include <QHash>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// Whitespace collapsed, none inside ( ) or after ',', upper case outside '...' quotes (ENUM
// values are case-sensitive text).
QString canonicalText(const QString &raw)
{
    QString out;
    bool quoted = false;
    const QString text = raw.simplified();
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            out += c;
            if (c == u'\'') {
                if (i + 1 < text.size() && text.at(i + 1) == u'\'')
                    out += text.at(++i); // '' inside a quoted value
                else
                    quoted = false;
            } else if (c == u'\\' && i + 1 < text.size()) {
                out += text.at(++i);
            }
            continue;
        }
        if (c == u'\'') {
            quoted = true;
            out += c;
        } else if (c == u' ') {
            const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
            const QChar prev = out.isEmpty() ? QChar() : out.back();
            if (next != u'(' && next != u')' && next != u',' && prev != u'(' && prev != u',')
                out += c;
        } else {
            out += c.toUpper();
        }
    }
    return out;
}

struct TypeParts
{
    QString base;      // "BIGINT", "DOUBLE PRECISION"
    QString args;      // "(20)", "('a','b')" or empty
    QStringList flags; // "UNSIGNED", "ZEROFILL", ...
};

// Index of the ')' closing the '(' at `open`, skipping quoted text; -1 if none.
int closingParen(const QString &t, int open)
{
    int depth = 0;
    bool quoted = false;
    for (int i = open; i < t.size(); ++i) {
        const QChar c = t.at(i);
        if (quoted) {
            if (c == u'\'')
                quoted = false;
        } else if (c == u'\'') {
            quoted = true;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return i;
        }
    }
    return -1;
}

TypeParts splitType(const QString &t)
{
    TypeParts p;
    const int open = t.indexOf(u'(');
    const int close = open < 0 ? -1 : closingParen(t, open);
    QString rest;
    if (close < 0) {
        // "DOUBLE PRECISION UNSIGNED": the base is every word before the first flag.
        p.base = t;
    } else {
        p.base = t.left(open).trimmed();
        p.args = t.mid(open, close - open + 1);
        rest = t.mid(close + 1).trimmed();
    }
    static const QStringList flagWords{u"UNSIGNED"_s, u"SIGNED"_s, u"ZEROFILL"_s};
    QStringList words = p.base.split(u' ', Qt::SkipEmptyParts);
    while (words.size() > 1 && flagWords.contains(words.last()))
        p.flags.prepend(words.takeLast());
    p.base = words.join(u' ');
    if (!rest.isEmpty())
        p.flags += rest.split(u' ', Qt::SkipEmptyParts);
    p.flags.removeAll(u"SIGNED"_s);
    return p;
}

bool isIntegerBase(const QString &base)
{
    static const QStringList names{u"TINYINT"_s, u"SMALLINT"_s, u"MEDIUMINT"_s, u"INT"_s,
                                   u"BIGINT"_s};
    return names.contains(base);
}

QString foldSynonym(const QString &base)
{
    static const QHash<QString, QString> synonyms{
        {u"INTEGER"_s, u"INT"_s},         {u"INT4"_s, u"INT"_s},
        {u"INT1"_s, u"TINYINT"_s},        {u"INT2"_s, u"SMALLINT"_s},
        {u"INT3"_s, u"MEDIUMINT"_s},      {u"MIDDLEINT"_s, u"MEDIUMINT"_s},
        {u"INT8"_s, u"BIGINT"_s},         {u"NUMERIC"_s, u"DECIMAL"_s},
        {u"DEC"_s, u"DECIMAL"_s},         {u"FIXED"_s, u"DECIMAL"_s},
        {u"REAL"_s, u"DOUBLE"_s},         {u"DOUBLE PRECISION"_s, u"DOUBLE"_s},
        {u"FLOAT8"_s, u"DOUBLE"_s},       {u"FLOAT4"_s, u"FLOAT"_s},
        {u"CHARACTER"_s, u"CHAR"_s},      {u"CHARACTER VARYING"_s, u"VARCHAR"_s},
        {u"NATIONAL CHAR"_s, u"CHAR"_s},  {u"NCHAR"_s, u"CHAR"_s},
        {u"NVARCHAR"_s, u"VARCHAR"_s},    {u"NATIONAL VARCHAR"_s, u"VARCHAR"_s},
        {u"LONG VARCHAR"_s, u"MEDIUMTEXT"_s}, {u"LONG"_s, u"MEDIUMTEXT"_s},
        {u"LONG VARBINARY"_s, u"MEDIUMBLOB"_s}};
    return synonyms.value(base, base);
}

} // namespace

QString MysqlTypes::normalize(const QString &raw)
{
    TypeParts p = splitType(canonicalText(raw));
    p.base = foldSynonym(p.base);
    const bool zerofill = p.flags.contains(u"ZEROFILL"_s);
    if (p.base == u"BOOL"_s || p.base == u"BOOLEAN"_s) {
        p.base = u"TINYINT"_s;
        p.args = u"(1)"_s;
    } else if (isIntegerBase(p.base) && !zerofill && !(p.base == u"TINYINT"_s && p.args == u"(1)"_s)) {
        p.args.clear(); // display width: no effect on the values (MySQL 8.0.19 no longer shows it)
    } else if (p.base == u"SERIAL"_s) {
        p.base = u"BIGINT"_s; // SERIAL's NOT NULL AUTO_INCREMENT UNIQUE are column attributes
        p.flags = QStringList{u"UNSIGNED"_s};
    } else if (p.base == u"DECIMAL"_s && p.args.isEmpty()) {
        p.args = u"(10,0)"_s;
    } else if (p.base == u"DECIMAL"_s && !p.args.contains(u',')) {
        p.args.insert(p.args.size() - 1, u",0"_s);
    } else if ((p.base == u"CHAR"_s || p.base == u"BINARY"_s || p.base == u"BIT"_s)
               && p.args.isEmpty()) {
        p.args = u"(1)"_s;
    } else if (p.base == u"YEAR"_s) {
        p.args.clear();
    } else if (p.base == u"JSON"_s) {
        p.args.clear();
    }
    if (zerofill && !p.flags.contains(u"UNSIGNED"_s))
        p.flags.prepend(u"UNSIGNED"_s); // ZEROFILL implies UNSIGNED
    QString result = p.base + p.args;
    if (!p.flags.isEmpty())
        result += u' ' + p.flags.join(u' ');
    return result;
}

bool MysqlTypes::isJsonValidCheck(const QString &clause, const QString &column)
{
    QString quotedColumn = column;
    quotedColumn.replace(u"`"_s, u"``"_s);
    const QString text = clause.simplified().remove(u' ');
    QString expected = u"json_valid(`"_s + quotedColumn + u"`)"_s;
    expected.remove(u' ');
    return text.compare(expected, Qt::CaseInsensitive) == 0;
}

} // namespace Retort

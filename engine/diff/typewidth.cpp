#include "typewidth.h"

#include <QHash>
#include <QList>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

namespace {

// "VARCHAR(20)" -> base "VARCHAR", args {20}; "INT UNSIGNED" -> base "INT UNSIGNED".
struct ParsedType
{
    QString base;
    QList<int> args;
    bool hasArgs = false;
    bool numericArgs = true;
};

ParsedType parse(const QString &type)
{
    ParsedType p;
    const QString t = type.simplified().toUpper();
    const int open = t.indexOf(u'(');
    const int close = t.lastIndexOf(u')');
    if (open < 0 || close < open) {
        p.base = t;
        return p;
    }
    p.base = QString(t.left(open).trimmed() + u' ' + t.mid(close + 1).trimmed()).trimmed();
    p.hasArgs = true;
    const QStringList parts = t.mid(open + 1, close - open - 1).split(u',');
    for (const QString &part : parts) {
        bool ok = false;
        p.args.append(part.trimmed().toInt(&ok));
        p.numericArgs = p.numericArgs && ok;
    }
    return p;
}

int integerRank(const QString &base)
{
    static const QHash<QString, int> ranks{{u"BOOLEAN"_s, 0},
                                           {u"BOOL"_s, 0},
                                           {u"TINYINT"_s, 1},
                                           {u"SMALLINT"_s, 2},
                                           {u"INT2"_s, 2},
                                           {u"MEDIUMINT"_s, 3},
                                           {u"INTEGER"_s, 4},
                                           {u"INT"_s, 4},
                                           {u"INT4"_s, 4},
                                           {u"BIGINT"_s, 5},
                                           {u"INT8"_s, 5}};
    return ranks.value(base, -1);
}

int floatRank(const QString &base)
{
    static const QHash<QString, int> ranks{{u"REAL"_s, 1},
                                           {u"FLOAT4"_s, 1},
                                           {u"FLOAT"_s, 1},
                                           {u"DOUBLE"_s, 2},
                                           {u"DOUBLE PRECISION"_s, 2},
                                           {u"FLOAT8"_s, 2}};
    return ranks.value(base, -1);
}

// Unbounded text types, by how much they hold.
int textRank(const QString &base)
{
    static const QHash<QString, int> ranks{{u"TINYTEXT"_s, 1},
                                           {u"TEXT"_s, 2},
                                           {u"CLOB"_s, 3},
                                           {u"MEDIUMTEXT"_s, 3},
                                           {u"LONGTEXT"_s, 4}};
    return ranks.value(base, -1);
}

bool isCharFamily(const QString &base)
{
    static const QStringList names{u"CHAR"_s,
                                   u"VARCHAR"_s,
                                   u"CHARACTER"_s,
                                   u"NCHAR"_s,
                                   u"NVARCHAR"_s,
                                   u"CHARACTER VARYING"_s,
                                   u"BPCHAR"_s};
    return names.contains(base);
}

bool isBinaryFamily(const QString &base)
{
    return base == u"BINARY"_s || base == u"VARBINARY"_s || base == u"BIT"_s || base == u"VARBIT"_s
           || base == u"BIT VARYING"_s;
}

bool isDecimal(const QString &base)
{
    return base == u"NUMERIC"_s || base == u"DECIMAL"_s;
}

// Length-bounded family: narrowing when the new bound is smaller (no bound = unbounded).
bool lengthNarrows(const ParsedType &from, const ParsedType &to)
{
    if (!to.hasArgs)
        return false;
    if (!from.hasArgs)
        return true;
    return to.args.value(0) < from.args.value(0);
}

bool decimalNarrows(const ParsedType &from, const ParsedType &to)
{
    if (!to.hasArgs)
        return false;
    if (!from.hasArgs)
        return true;
    const int p1 = from.args.value(0), s1 = from.args.value(1);
    const int p2 = to.args.value(0), s2 = to.args.value(1);
    return s2 < s1 || (p2 - s2) < (p1 - s1);
}

} // namespace

bool TypeWidth::isNarrowing(const QString &fromNormalized, const QString &toNormalized)
{
    const ParsedType from = parse(fromNormalized);
    const ParsedType to = parse(toNormalized);
    if (from.base == to.base && from.args == to.args)
        return false;
    if (!from.numericArgs || !to.numericArgs)
        return true;
    const int fi = integerRank(from.base), ti = integerRank(to.base);
    if (fi >= 0 && ti >= 0)
        return ti < fi;
    if (fi >= 0 && textRank(to.base) >= 0)
        return false;
    if (fi >= 0 && isDecimal(to.base)) // a BIGINT needs 19 integer digits
        return to.hasArgs && to.args.value(0) - to.args.value(1) < 19;
    const int ff = floatRank(from.base), tf = floatRank(to.base);
    if (ff >= 0 && tf >= 0)
        return tf < ff;
    if (isCharFamily(from.base) && isCharFamily(to.base))
        return lengthNarrows(from, to);
    if (isCharFamily(from.base) && textRank(to.base) >= 0)
        return false;
    if (textRank(from.base) >= 0 && textRank(to.base) >= 0)
        return textRank(to.base) < textRank(from.base);
    if (isBinaryFamily(from.base) && from.base == to.base)
        return lengthNarrows(from, to);
    if (isDecimal(from.base) && isDecimal(to.base))
        return decimalNarrows(from, to);
    if (from.base == to.base) // same type, other arguments, e.g. TIMESTAMP(6) -> TIMESTAMP(3)
        return lengthNarrows(from, to);
    return true;
}

} // namespace Retort::Ops

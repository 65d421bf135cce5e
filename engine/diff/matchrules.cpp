#include "matchrules.h"

#include <engine/sql/parentheses.h>

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

QString MatchRules::key(const QString &name) const
{
    return m_caseInsensitive ? name.toLower() : name;
}

bool MatchRules::sameName(const QString &a, const QString &b) const
{
    return a.compare(b, m_caseInsensitive ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0;
}

bool MatchRules::sameNames(const QStringList &a, const QStringList &b) const
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (!sameName(a.at(i), b.at(i)))
            return false;
    }
    return true;
}

bool MatchRules::compatibleNames(const QString &a, const QString &b) const
{
    return a.isEmpty() || b.isEmpty() || sameName(a, b)
           || (m_generatedNames && isGeneratedMysqlName(a) && isGeneratedMysqlName(b));
}

bool MatchRules::isGeneratedMysqlName(const QString &name)
{
    static const QRegularExpression generated(u"^CONSTRAINT_\\d+$|_ibfk_\\d+$"_s);
    return generated.match(name).hasMatch();
}

QString MatchRules::normalizeSql(const QString &sql)
{
    QString text = sql.simplified();
    while (isParenthesized(text))
        text = text.mid(1, text.size() - 2).trimmed();
    text.replace(u"( "_s, u"("_s);
    text.replace(u" )"_s, u")"_s);
    return text;
}

bool MatchRules::sameDefault(const std::optional<QString> &a, const std::optional<QString> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || normalizeSql(*a) == normalizeSql(*b);
}

bool MatchRules::sameUnique(const Schema::UniqueConstraint &a,
                            const Schema::UniqueConstraint &b) const
{
    return sameNames(a.columns, b.columns) && a.deferrable == b.deferrable
           && a.initiallyDeferred == b.initiallyDeferred;
}

bool MatchRules::sameCheck(const Schema::CheckConstraint &a, const Schema::CheckConstraint &b) const
{
    return normalizeSql(a.expression) == normalizeSql(b.expression);
}

bool MatchRules::sameForeignKey(const Schema::ForeignKey &a, const Schema::ForeignKey &b) const
{
    return sameNames(a.columns, b.columns) && sameName(a.referencedTable, b.referencedTable)
           && sameName(a.referencedSchema, b.referencedSchema)
           && sameNames(a.referencedColumns, b.referencedColumns) && a.onDelete == b.onDelete
           && a.onUpdate == b.onUpdate && a.deferrable == b.deferrable
           && a.initiallyDeferred == b.initiallyDeferred;
}

bool MatchRules::sameIndex(const Schema::Index &a, const Schema::Index &b) const
{
    if (a.unique != b.unique || a.columns.size() != b.columns.size()
        || normalizeSql(a.where) != normalizeSql(b.where)
        || a.method.compare(b.method, Qt::CaseInsensitive) != 0) {
        return false;
    }
    for (int i = 0; i < a.columns.size(); ++i) {
        const Schema::IndexColumn &x = a.columns.at(i);
        const Schema::IndexColumn &y = b.columns.at(i);
        if (!sameName(x.name, y.name) || normalizeSql(x.expression) != normalizeSql(y.expression)
            || x.descending != y.descending || x.length != y.length || x.nulls != y.nulls
            || x.collation.compare(y.collation, Qt::CaseInsensitive) != 0) {
            return false;
        }
    }
    return true;
}

bool MatchRules::sameView(const Schema::View &a, const Schema::View &b)
{
    return a.materialized == b.materialized
           && normalizeSql(a.definition) == normalizeSql(b.definition);
}

} // namespace Retort::Ops

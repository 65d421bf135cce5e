#pragma once

#include <engine/schema/table.h>
#include <engine/schema/view.h>

#include <QString>

namespace Retort::Ops {

// When the differ counts two schema objects as the same. SQL text (defaults, CHECK and index
// expressions, view queries) compares with whitespace collapsed and redundant outer parentheses
// removed; names ignore case when `caseInsensitive` (SQLite).
class MatchRules
{
public:
    // `generatedNames`: MariaDB/MySQL, which name unnamed constraints by number in creation order
    // (checks CONSTRAINT_<n>, foreign keys <table>_ibfk_<n>), so the same constraint can have a
    // different generated name in the models than in the database.
    explicit MatchRules(bool caseInsensitive, bool generatedNames = false)
        : m_caseInsensitive(caseInsensitive)
        , m_generatedNames(generatedNames)
    {}

    bool caseInsensitive() const { return m_caseInsensitive; }
    QString key(const QString &name) const;
    bool sameName(const QString &a, const QString &b) const;
    bool sameNames(const QStringList &a, const QStringList &b) const;
    // Names match, or one side has none (SQLite keeps no name for unnamed constraints), or both
    // were made up by the database (see the constructor).
    bool compatibleNames(const QString &a, const QString &b) const;
    static bool isGeneratedMysqlName(const QString &name);

    static QString normalizeSql(const QString &sql);
    static bool sameDefault(const std::optional<QString> &a, const std::optional<QString> &b);

    bool sameUnique(const Schema::UniqueConstraint &a, const Schema::UniqueConstraint &b) const;
    bool sameCheck(const Schema::CheckConstraint &a, const Schema::CheckConstraint &b) const;
    bool sameForeignKey(const Schema::ForeignKey &a, const Schema::ForeignKey &b) const;
    bool sameIndex(const Schema::Index &a, const Schema::Index &b) const;
    static bool sameView(const Schema::View &a, const Schema::View &b);

private:
    bool m_caseInsensitive = false;
    bool m_generatedNames = false;
};

} // namespace Retort::Ops

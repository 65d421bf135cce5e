#pragma once

#include <engine/core/sqldialect.h>
#include <engine/schema/database.h>

#include <QString>
#include <QStringList>

namespace Retort {

// The SQL pieces the three renderers share: quoted names, literals, key and constraint
// clauses, index definitions. Knows the dialect's quote character and reserved words.
class SqlWriter
{
public:
    explicit SqlWriter(SqlDialect dialect) : m_dialect(dialect) {}

    SqlDialect dialect() const { return m_dialect; }

    // Quoted when needed: reserved words, upper case letters, characters other than
    // [a-z0-9_], a leading digit. SQLite and PostgreSQL use "..", MySQL `..`; an embedded
    // quote character is doubled.
    QString name(const QString &identifier) const;
    static bool needsQuoting(SqlDialect dialect, const QString &identifier);
    QString quoted(const QString &identifier) const; // always quoted
    QString names(const QStringList &identifiers) const; // a, "B", c
    QString collation(const QString &collationName) const;
    static QString literal(const QString &text); // 'it''s'

    // The column's type: `raw` as the engine reported it, else the normalised spelling.
    static QString typeSql(const Schema::ColumnType &type);
    // A DEFAULT clause's expression: literals and keywords as they are, anything else in
    // parentheses (SQLite and MySQL need them around expressions).
    QString defaultSql(const QString &expression) const;

    QString primaryKeyClause(const Schema::PrimaryKey &key) const;
    QString uniqueClause(const Schema::UniqueConstraint &unique) const;
    QString checkClause(const Schema::CheckConstraint &check) const;
    QString foreignKeyClause(const Schema::ForeignKey &fk) const;
    QString indexKeyParts(const Schema::Index &index) const; // (a, (lower(b)) DESC)
    // CREATE [UNIQUE] INDEX for SQLite and PostgreSQL (MySQL has its own).
    QString createIndex(const QString &table, const Schema::Index &index) const;
    QString viewQuery(const QString &definition) const; // without a trailing ';'

private:
    QString constraintPrefix(const QString &constraintName) const;

    SqlDialect m_dialect;
};

} // namespace Retort

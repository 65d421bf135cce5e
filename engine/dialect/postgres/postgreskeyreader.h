#pragma once

#include <engine/core/result.h>
#include <engine/schema/table.h>

#include <QHash>
#include <QList>

namespace Retort {

class Connection;

// The constraint and index part of PostgresIntrospector: primary keys, unique, foreign-key and
// check constraints, and the indexes that back none of them. One query each for the whole
// schema; column numbers become names here, from the columns PostgresIntrospector read already
// (a correlated subquery per key costs the server more than the whole rest).
class PostgresKeyReader
{
public:
    struct Attribute
    {
        QString name;
        qint64 collation = 0; // pg_attribute.attcollation
    };
    // pg_class oid -> attnum -> column, for every table of the schema (excluded ones too).
    using Attributes = QHash<qint64, QHash<int, Attribute>>;

    // `tables` by pg_class oid; rows for tables not in it (excluded ones) are skipped.
    // `schemaOid` is the introspected namespace; `schemaName` its name (FKs into it keep an
    // empty referencedSchema).
    PostgresKeyReader(Connection &connection, qint64 schemaOid, const QString &schemaName,
                      const QHash<qint64, Schema::Table *> &tables, const Attributes &attributes)
        : m_connection(connection), m_schemaOid(schemaOid), m_schemaName(schemaName),
          m_tables(tables), m_attributes(attributes)
    {}

    Result<> readConstraints();
    Result<> readIndexes();

    // "CHECK ((a > 0)) NOT VALID" -> "(a > 0)": the text inside CHECK's outer parentheses.
    static QString checkExpression(const QString &constraintDef);
    // PostgreSQL's text forms of arrays and vectors: "{1,2}" (int2[]) or "1 2" (int2vector).
    static QList<qint64> numbers(const QString &text);

private:
    QStringList columnNames(qint64 table, const QString &attnums, const QString &fallbackJson) const;
    void addConstraint(Schema::Table &table, const QVariantList &row) const;
    Result<> resolveCollations(const QList<qint64> &oids);

    Connection &m_connection;
    qint64 m_schemaOid = 0;
    QString m_schemaName;
    const QHash<qint64, Schema::Table *> &m_tables;
    const Attributes &m_attributes;
    QHash<qint64, QString> m_collations; // oid -> name, for index key collations
};

} // namespace Retort

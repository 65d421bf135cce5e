#include "postgreskeyreader.h"

#include <engine/db/connection.h>

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// Key columns come as attnum arrays. Only for an FK into another schema (whose columns were
// not read) the server spells out the referenced names.
const char *const kConstraintsSql = R"(
SELECT con.conrelid::bigint, con.conname::text, con.contype::text, con.conkey::text,
       fc.relname::text, fn.nspname::text, con.confrelid::bigint, con.confkey::text,
       con.confdeltype::text, con.confupdtype::text, con.condeferrable, con.condeferred,
       CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END,
       CASE WHEN fc.relnamespace <> %1 THEN
         (SELECT json_agg(a.attname ORDER BY k.ord)
            FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
            JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num)::text END
FROM pg_constraint con
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE con.connamespace = %1 AND con.conrelid <> 0 AND con.contype IN ('p', 'u', 'f', 'c')
ORDER BY con.conrelid, con.conname
)";

// Key parts as int2vector/oidvector text; expression texts (JSON [[position, text], ...]) only
// for indexes that have expressions.
const char *const kIndexesSql = R"(
SELECT i.indrelid::bigint, ic.relname::text, i.indisunique, am.amname::text,
       pg_get_expr(i.indpred, i.indrelid, true), i.indnkeyatts, i.indkey::text,
       i.indoption::text, i.indcollation::text,
       CASE WHEN i.indexprs IS NOT NULL THEN
         (SELECT json_agg(json_build_array(k.ord, pg_get_indexdef(i.indexrelid, k.ord::int, true)))
            FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord) WHERE k.num = 0)::text END
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_am am ON am.oid = ic.relam
WHERE c.relnamespace = %1 AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                    AND con.contype IN ('p', 'u', 'x'))
ORDER BY i.indrelid, ic.relname
)";

constexpr qint64 kDefaultCollation = 100; // DEFAULT_COLLATION_OID

QJsonArray jsonArray(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

} // namespace

QList<qint64> PostgresKeyReader::numbers(const QString &text)
{
    QList<qint64> list;
    qint64 value = 0;
    bool inNumber = false;
    for (const QChar c : text) {
        if (c.isDigit()) {
            value = value * 10 + c.digitValue();
            inNumber = true;
        } else if (inNumber) {
            list << value;
            value = 0;
            inNumber = false;
        }
    }
    if (inNumber)
        list << value;
    return list;
}

QStringList PostgresKeyReader::columnNames(qint64 table, const QString &attnums,
                                           const QString &fallbackJson) const
{
    QStringList names;
    if (!fallbackJson.isEmpty()) {
        for (const QJsonValue &v : jsonArray(fallbackJson))
            names << v.toString();
        return names;
    }
    const QHash<int, Attribute> columns = m_attributes.value(table);
    for (qint64 n : numbers(attnums))
        names << columns.value(int(n)).name;
    return names;
}

void PostgresKeyReader::addConstraint(Schema::Table &table, const QVariantList &row) const
{
    const qint64 oid = row.at(0).toLongLong();
    const QString name = row.at(1).toString();
    const QString type = row.at(2).toString();
    const QStringList columns = columnNames(oid, row.at(3).toString(), {});
    if (type == u"p") {
        table.primaryKey = Schema::PrimaryKey{name, columns};
    } else if (type == u"u") {
        table.uniqueConstraints << Schema::UniqueConstraint{name, columns, row.at(10).toBool(),
                                                            row.at(11).toBool()};
    } else if (type == u"f") {
        Schema::ForeignKey fk;
        fk.name = name;
        fk.columns = columns;
        fk.referencedTable = row.at(4).toString();
        const QString refSchema = row.at(5).toString();
        fk.referencedSchema = refSchema == m_schemaName ? QString() : refSchema;
        fk.referencedColumns = columnNames(row.at(6).toLongLong(), row.at(7).toString(),
                                           row.at(13).toString());
        fk.onDelete = Schema::referentialActionFromSql(row.at(8).toString());
        fk.onUpdate = Schema::referentialActionFromSql(row.at(9).toString());
        fk.deferrable = row.at(10).toBool();
        fk.initiallyDeferred = row.at(11).toBool();
        table.foreignKeys << fk;
    } else if (type == u"c") {
        table.checkConstraints << Schema::CheckConstraint{name, checkExpression(row.at(12).toString())};
    }
}

Result<> PostgresKeyReader::readConstraints()
{
    const auto rows = m_connection.select(QString::fromLatin1(kConstraintsSql).arg(m_schemaOid));
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        if (Schema::Table *table = m_tables.value(row.at(0).toLongLong()))
            addConstraint(*table, row);
    }
    return {};
}

// Names of the non-default collations that index keys use; one query, and only if there are any.
Result<> PostgresKeyReader::resolveCollations(const QList<qint64> &oids)
{
    QStringList missing;
    for (qint64 oid : oids) {
        if (!m_collations.contains(oid))
            missing << QString::number(oid);
    }
    if (missing.isEmpty())
        return {};
    const auto rows = m_connection.select(
        u"SELECT oid::bigint, collname::text FROM pg_collation WHERE oid IN (%1)"_s.arg(missing.join(u',')));
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows)
        m_collations.insert(row.at(0).toLongLong(), row.at(1).toString());
    return {};
}

Result<> PostgresKeyReader::readIndexes()
{
    const auto rows = m_connection.select(QString::fromLatin1(kIndexesSql).arg(m_schemaOid));
    if (!rows)
        return rows.error();
    struct Pending { Schema::Table *table; Schema::Index index; QList<qint64> collations; };
    QList<Pending> pending;
    QList<qint64> collationOids;
    for (const QVariantList &row : *rows) {
        const qint64 tableOid = row.at(0).toLongLong();
        Schema::Table *table = m_tables.value(tableOid);
        if (!table)
            continue;
        Pending p{table, {}, {}};
        p.index.name = row.at(1).toString();
        p.index.unique = row.at(2).toBool();
        const QString method = row.at(3).toString();
        p.index.method = method == u"btree" ? QString() : method;
        p.index.where = row.at(4).toString();
        const int keys = row.at(5).toInt();
        const QList<qint64> attnums = numbers(row.at(6).toString()).mid(0, keys);
        const QList<qint64> options = numbers(row.at(7).toString());
        const QList<qint64> collations = numbers(row.at(8).toString());
        QHash<int, QString> expressions;
        for (const QJsonValue &e : jsonArray(row.at(9)))
            expressions.insert(e.toArray().at(0).toInt(), e.toArray().at(1).toString());
        const QHash<int, Attribute> columns = m_attributes.value(tableOid);
        for (int k = 0; k < attnums.size(); ++k) {
            Schema::IndexColumn column;
            if (attnums.at(k) == 0)
                column.expression = expressions.value(k + 1);
            else
                column.name = columns.value(int(attnums.at(k))).name;
            // pg_index.indoption: bit 0 = DESC (bit 1, NULLS FIRST, has no place in the model).
            column.descending = (options.value(k) & 1) != 0;
            p.index.columns << column;
            // A key's collation counts when it is not the column's own (expressions: not the
            // database default).
            const qint64 coll = collations.value(k);
            const qint64 natural = attnums.at(k) == 0 ? kDefaultCollation
                                                      : columns.value(int(attnums.at(k))).collation;
            p.collations << (coll != 0 && coll != natural ? coll : 0);
            if (p.collations.last() != 0)
                collationOids << coll;
        }
        pending << p;
    }
    if (Result<> r = resolveCollations(collationOids); !r)
        return r;
    for (Pending &p : pending) {
        for (int k = 0; k < p.index.columns.size(); ++k)
            p.index.columns[k].collation = m_collations.value(p.collations.at(k));
        p.table->indexes << p.index;
    }
    return {};
}

QString PostgresKeyReader::checkExpression(const QString &constraintDef)
{
    const QString def = constraintDef.trimmed();
    const int open = def.indexOf(u'(');
    if (!def.startsWith(u"CHECK"_s) || open < 0)
        return def;
    int depth = 0;
    QChar quote;
    for (int i = open; i < def.size(); ++i) {
        const QChar c = def.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')' && --depth == 0) {
            return def.mid(open + 1, i - open - 1).trimmed();
        }
    }
    return def.mid(open + 1).trimmed();
}

} // namespace Retort

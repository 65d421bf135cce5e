#include "postgreskeyreader.h"

#include <engine/db/connection.h>

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// The key columns of a constraint, in key order, as a JSON array of names.
const char *const kConstraintsSql = R"(
SELECT con.conrelid::bigint, con.conname::text, con.contype::text,
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num)::text,
       fc.relname::text, fn.nspname::text,
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num)::text,
       con.confdeltype::text, con.confupdtype::text, con.condeferrable, con.condeferred,
       CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE c.relnamespace = %1 AND c.relkind IN ('r', 'p') AND con.contype IN ('p', 'u', 'f', 'c')
ORDER BY con.conrelid, con.conname
)";

// Key parts: [attnum, column name or expression, indoption, collation name or null].
// Column keys report a collation only when it differs from the column's; expression keys when
// it is not the database default (oid 100).
const char *const kIndexesSql = R"(
SELECT i.indrelid::bigint, ic.relname::text, i.indisunique, am.amname::text,
       pg_get_expr(i.indpred, i.indrelid, true),
       (SELECT json_agg(json_build_array(
                   k.num,
                   CASE WHEN k.num = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true)
                        ELSE a.attname::text END,
                   i.indoption[k.ord - 1],
                   CASE WHEN k.num <> 0 AND i.indcollation[k.ord - 1] <> a.attcollation
                          THEN co.collname::text
                        WHEN k.num = 0 AND i.indcollation[k.ord - 1] NOT IN (0, 100)
                          THEN co.collname::text END)
                 ORDER BY k.ord)
          FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
          LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
          LEFT JOIN pg_collation co ON co.oid = i.indcollation[k.ord - 1]
          WHERE k.ord <= i.indnkeyatts)::text
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

QJsonArray jsonArray(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

QStringList names(const QVariant &jsonValue)
{
    QStringList list;
    for (const QJsonValue &v : jsonArray(jsonValue))
        list << v.toString();
    return list;
}

void addConstraint(Schema::Table &table, const QVariantList &row, const QString &schemaName)
{
    const QString name = row.at(1).toString();
    const QString type = row.at(2).toString();
    if (type == u"p") {
        table.primaryKey = Schema::PrimaryKey{name, names(row.at(3))};
    } else if (type == u"u") {
        table.uniqueConstraints << Schema::UniqueConstraint{name, names(row.at(3)),
                                                            row.at(9).toBool(), row.at(10).toBool()};
    } else if (type == u"f") {
        Schema::ForeignKey fk;
        fk.name = name;
        fk.columns = names(row.at(3));
        fk.referencedTable = row.at(4).toString();
        const QString refSchema = row.at(5).toString();
        fk.referencedSchema = refSchema == schemaName ? QString() : refSchema;
        fk.referencedColumns = names(row.at(6));
        fk.onDelete = Schema::referentialActionFromSql(row.at(7).toString());
        fk.onUpdate = Schema::referentialActionFromSql(row.at(8).toString());
        fk.deferrable = row.at(9).toBool();
        fk.initiallyDeferred = row.at(10).toBool();
        table.foreignKeys << fk;
    } else if (type == u"c") {
        table.checkConstraints << Schema::CheckConstraint{
            name, PostgresKeyReader::checkExpression(row.at(11).toString())};
    }
}

Schema::IndexColumn indexColumn(const QJsonArray &part)
{
    Schema::IndexColumn column;
    if (part.at(0).toInt() == 0)
        column.expression = part.at(1).toString();
    else
        column.name = part.at(1).toString();
    // pg_index.indoption: bit 0 = DESC, bit 1 = NULLS FIRST.
    column.descending = (part.at(2).toInt() & 1) != 0;
    column.collation = part.at(3).toString();
    return column;
}

} // namespace

Result<> PostgresKeyReader::readConstraints(Connection &connection, qint64 schemaOid,
                                            const QString &schemaName,
                                            const QHash<qint64, Schema::Table *> &tables)
{
    const auto rows = connection.select(QString::fromLatin1(kConstraintsSql).arg(schemaOid));
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        if (Schema::Table *table = tables.value(row.at(0).toLongLong()))
            addConstraint(*table, row, schemaName);
    }
    return {};
}

Result<> PostgresKeyReader::readIndexes(Connection &connection, qint64 schemaOid,
                                        const QHash<qint64, Schema::Table *> &tables)
{
    const auto rows = connection.select(QString::fromLatin1(kIndexesSql).arg(schemaOid));
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        Schema::Table *table = tables.value(row.at(0).toLongLong());
        if (!table)
            continue;
        Schema::Index index;
        index.name = row.at(1).toString();
        index.unique = row.at(2).toBool();
        const QString method = row.at(3).toString();
        index.method = method == u"btree" ? QString() : method;
        index.where = row.at(4).toString();
        for (const QJsonValue &part : jsonArray(row.at(5)))
            index.columns << indexColumn(part.toArray());
        table->indexes << index;
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

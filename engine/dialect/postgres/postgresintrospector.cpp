#include "postgresintrospector.h"

#include "postgreskeyreader.h"
#include "postgrestypes.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

const char *const kTablesSql = R"(
SELECT c.oid::bigint, c.relname::text, d.description
FROM pg_class c
LEFT JOIN pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
WHERE c.relnamespace = %1 AND c.relkind IN ('r', 'p')
ORDER BY c.relname
)";

// A column's collation is reported only when it is not its type's default. Defaults hold no
// column references, so pg_get_expr() gets no relation to open for them (it costs a third of
// the whole introspection otherwise); generated columns' expressions do need it.
const char *const kColumnsSql = R"(
SELECT a.attrelid::bigint, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END),
       a.attidentity::text, a.attgenerated::text,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname::text END, d.description,
       a.attnum, a.attcollation::bigint
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
LEFT JOIN pg_description d
  ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
WHERE c.relnamespace = %1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
)";

// Each sequence with the column that owns it, if any: deptype 'a' = OWNED BY (serial or
// explicit), 'i' = an identity column's sequence.
const char *const kSequencesSql = R"(
SELECT s.relname::text, s.oid::regclass::text, format_type(q.seqtypid, NULL), q.seqstart,
       q.seqincrement, q.seqmin, q.seqmax, q.seqcache, q.seqcycle,
       dep.refobjid::bigint, tc.relname::text, a.attname::text, dep.deptype::text
FROM pg_class s
JOIN pg_sequence q ON q.seqrelid = s.oid
LEFT JOIN pg_depend dep
  ON dep.classid = 'pg_class'::regclass AND dep.objid = s.oid
     AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0 AND dep.deptype IN ('a', 'i')
LEFT JOIN pg_class tc ON tc.oid = dep.refobjid
LEFT JOIN pg_attribute a ON a.attrelid = dep.refobjid AND a.attnum = dep.refobjsubid
WHERE s.relnamespace = %1 AND s.relkind = 'S'
ORDER BY s.relname
)";

const char *const kViewsSql = R"(
SELECT c.relname::text, pg_get_viewdef(c.oid, true), c.relkind = 'm'
FROM pg_class c
WHERE c.relnamespace = %1 AND c.relkind IN ('v', 'm')
ORDER BY c.relname
)";

// User triggers (not the ones behind FKs), with their CREATE TRIGGER text.
const char *const kTriggersSql = R"(
SELECT t.tgrelid::bigint, t.tgname::text, pg_get_triggerdef(t.oid, true)
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = %1 AND NOT t.tgisinternal
ORDER BY t.tgrelid, t.tgname
)";

const char *const kEnumsSql = R"(
SELECT t.typname::text,
       COALESCE(json_agg(e.enumlabel ORDER BY e.enumsortorder)
                  FILTER (WHERE e.enumlabel IS NOT NULL), '[]')::text
FROM pg_type t
LEFT JOIN pg_enum e ON e.enumtypid = t.oid
WHERE t.typnamespace = %1 AND t.typtype = 'e'
GROUP BY t.typname
ORDER BY t.typname
)";

// A sequence as read, with its owner.
struct SequenceRow
{
    Schema::Sequence sequence;
    QString regclassText; // as nextval('...'::regclass) spells it under the current search_path
    qint64 ownerTable = 0;
    QString ownerColumn;
    bool identity = false;
};

class Reader
{
public:
    Reader(Connection &connection, const IntrospectOptions &options)
        : m_connection(connection), m_options(options)
    {}

    Result<Schema::Database> run(qint64 schemaOid, const QString &schemaName);

private:
    Result<QList<QVariantList>> query(const char *sql)
    {
        return m_connection.select(QString::fromLatin1(sql).arg(m_schemaOid));
    }
    Result<> readTables();
    Result<> readSequences();
    Result<> readColumns();
    Result<> readViews();
    Result<> readEnums();
    Result<> readTriggers();
    void resolveSequences();
    void markSerial(Schema::Column &column, qint64 tableOid);

    Connection &m_connection;
    const IntrospectOptions &m_options;
    qint64 m_schemaOid = 0;
    Schema::Database m_db;
    QHash<qint64, QString> m_tableNames; // every table of the schema, excluded ones too
    QHash<qint64, Schema::Table *> m_tables; // kept tables; pointers into m_db.tables
    PostgresKeyReader::Attributes m_attributes;
    QList<SequenceRow> m_sequences;
    QHash<std::pair<qint64, QString>, int> m_ownedSequences; // (table oid, column) -> m_sequences index
    QSet<QString> m_serialSequences; // regclass texts of sequences that stand for a serial column
};

Result<> Reader::readTables()
{
    const auto rows = query(kTablesSql);
    if (!rows)
        return rows.error();
    QList<qint64> oids;
    for (const QVariantList &row : *rows) {
        const qint64 oid = row.at(0).toLongLong();
        const QString name = row.at(1).toString();
        m_tableNames.insert(oid, name);
        if (m_options.tables.isExcluded(name))
            continue;
        Schema::Table table;
        table.name = name;
        table.comment = row.at(2).toString();
        m_db.tables << table;
        oids << oid;
    }
    for (int i = 0; i < oids.size(); ++i)
        m_tables.insert(oids.at(i), &m_db.tables[i]);
    return {};
}

Result<> Reader::readSequences()
{
    const auto rows = query(kSequencesSql);
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        SequenceRow s;
        s.sequence.name = row.at(0).toString();
        s.regclassText = row.at(1).toString();
        s.sequence.dataType = PostgresTypes::normalize(row.at(2).toString());
        s.sequence.start = row.at(3).toLongLong();
        s.sequence.increment = row.at(4).toLongLong();
        s.sequence.minValue = row.at(5).toLongLong();
        s.sequence.maxValue = row.at(6).toLongLong();
        if (s.sequence.increment > 0
            && s.sequence.maxValue == PostgresTypes::integerMaximum(s.sequence.dataType)) {
            s.sequence.maxValue = 0;
        }
        s.sequence.cache = row.at(7).toLongLong();
        s.sequence.cycle = row.at(8).toBool();
        s.ownerTable = row.at(9).toLongLong();
        s.ownerColumn = row.at(11).toString();
        s.identity = row.at(12).toString() == u"i";
        if (s.ownerTable != 0)
            s.sequence.ownedBy = row.at(10).toString() + u'.' + s.ownerColumn;
        if (s.ownerTable != 0 && !s.identity)
            m_ownedSequences.insert({s.ownerTable, s.ownerColumn}, int(m_sequences.size()));
        m_sequences << s;
    }
    return {};
}

// serial = an integer column whose default is nextval() of a sequence the column owns. The
// column then stands for the sequence: Identity::Serial, no default, the sequence not listed.
void Reader::markSerial(Schema::Column &column, qint64 tableOid)
{
    if (!column.defaultExpression || !column.defaultExpression->startsWith(u"nextval('"_s))
        return;
    const auto it = m_ownedSequences.constFind({tableOid, column.name});
    if (it == m_ownedSequences.constEnd())
        return;
    const SequenceRow &s = m_sequences.at(*it);
    QString literal = s.regclassText;
    literal.replace(u'\'', u"''"_s);
    if (*column.defaultExpression == u"nextval('"_s + literal + u"'::regclass)"_s) {
        column.identity = Schema::Identity::Serial;
        column.defaultExpression.reset();
        m_serialSequences.insert(s.regclassText);
    }
}

Result<> Reader::readColumns()
{
    const auto rows = query(kColumnsSql);
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        const qint64 oid = row.at(0).toLongLong();
        m_attributes[oid].insert(row.at(9).toInt(), {row.at(1).toString(), row.at(10).toLongLong()});
        Schema::Table *table = m_tables.value(oid);
        if (!table)
            continue;
        Schema::Column column;
        column.name = row.at(1).toString();
        column.type.raw = row.at(2).toString();
        column.type.normalized = PostgresTypes::normalize(column.type.raw);
        column.nullable = !row.at(3).toBool();
        const QString identity = row.at(5).toString();
        const QString generated = row.at(6).toString();
        if (generated == u"s") {
            column.generated = Schema::Generated::Stored;
            column.generationExpression = row.at(4).toString();
        } else if (!row.at(4).isNull()) {
            column.defaultExpression = row.at(4).toString();
        }
        if (identity == u"a")
            column.identity = Schema::Identity::IdentityAlways;
        else if (identity == u"d")
            column.identity = Schema::Identity::IdentityByDefault;
        column.collation = row.at(7).toString();
        column.comment = row.at(8).toString();
        markSerial(column, oid);
        table->columns << column;
    }
    return {};
}

// Sequences standing for a serial or identity column, or owned by an excluded table, are left out.
void Reader::resolveSequences()
{
    for (const SequenceRow &s : std::as_const(m_sequences)) {
        if (s.identity || m_serialSequences.contains(s.regclassText))
            continue;
        if (s.ownerTable != 0 && !m_tables.contains(s.ownerTable)
            && m_options.tables.isExcluded(m_tableNames.value(s.ownerTable))) {
            continue;
        }
        m_db.sequences << s.sequence;
    }
}

Result<> Reader::readViews()
{
    const auto rows = query(kViewsSql);
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        if (m_options.tables.isExcluded(row.at(0).toString()))
            continue;
        QString definition = row.at(1).toString().trimmed();
        if (definition.endsWith(u';'))
            definition.chop(1);
        m_db.views << Schema::View{row.at(0).toString(), definition, row.at(2).toBool()};
    }
    return {};
}

Result<> Reader::readEnums()
{
    const auto rows = query(kEnumsSql);
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        QStringList values;
        for (const QJsonValue &v : QJsonDocument::fromJson(row.at(1).toString().toUtf8()).array())
            values << v.toString();
        m_db.enums << Schema::EnumType{row.at(0).toString(), values};
    }
    return {};
}

Result<> Reader::readTriggers()
{
    const auto rows = query(kTriggersSql);
    if (!rows)
        return rows.error();
    for (const QVariantList &row : *rows) {
        if (Schema::Table *table = m_tables.value(row.at(0).toLongLong()))
            table->triggers << Schema::Trigger{row.at(1).toString(), row.at(2).toString()};
    }
    return {};
}

Result<Schema::Database> Reader::run(qint64 schemaOid, const QString &schemaName)
{
    m_schemaOid = schemaOid;
    m_db.dialect = SqlDialect::PostgreSQL;
    m_db.schemaName = schemaName;
    for (auto step : {&Reader::readTables, &Reader::readSequences, &Reader::readColumns,
                      &Reader::readTriggers, &Reader::readViews, &Reader::readEnums}) {
        if (Result<> r = (this->*step)(); !r)
            return r.error();
    }
    PostgresKeyReader keys(m_connection, schemaOid, schemaName, m_tables, m_attributes);
    if (Result<> r = keys.readConstraints(); !r)
        return r.error();
    if (Result<> r = keys.readIndexes(); !r)
        return r.error();
    resolveSequences();
    return m_db;
}

// The schema to read and its oid.
Result<std::pair<QString, qint64>> resolveSchema(Connection &connection, const QString &wanted)
{
    QString name = wanted;
    if (name.isEmpty()) {
        const auto rows = connection.select(u"SELECT current_schema()::text"_s);
        if (!rows)
            return rows.error();
        if (rows->isEmpty() || rows->first().first().isNull())
            return Error(Error::Kind::Database,
                         Tr::tr("No schema on the search_path of %1 exists.")
                             .arg(connection.url().toDisplayString()));
        name = rows->first().first().toString();
    }
    const auto rows = connection.select(
        u"SELECT oid::bigint FROM pg_namespace WHERE nspname = ?"_s, {name});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(Error::Kind::Database, Tr::tr("The schema \"%1\" does not exist.").arg(name));
    return std::pair<QString, qint64>{name, rows->first().first().toLongLong()};
}

} // namespace

Result<Schema::Database> PostgresIntrospector::introspect(Connection &connection,
                                                          const IntrospectOptions &options)
{
    return introspect(connection, options, QString());
}

Result<Schema::Database> PostgresIntrospector::introspect(Connection &connection,
                                                          const IntrospectOptions &options,
                                                          const QString &alsoVisible)
{
    if (connection.dialect() != SqlDialect::PostgreSQL)
        return Error(Error::Kind::Internal, Tr::tr("PostgresIntrospector needs a PostgreSQL connection."));
    const auto schema = resolveSchema(connection, options.schema);
    if (!schema)
        return schema.error();
    const auto saved = connection.select(u"SELECT current_setting('search_path')"_s);
    if (!saved)
        return saved.error();
    QString path = connection.quote(schema->first);
    if (!alsoVisible.isEmpty() && alsoVisible != schema->first)
        path += u", "_s + connection.quote(alsoVisible);
    const auto set = connection.select(u"SELECT set_config('search_path', ?, false)"_s, {path});
    if (!set)
        return set.error();
    Result<Schema::Database> db = Reader(connection, options).run(schema->second, schema->first);
    const auto restored = connection.select(u"SELECT set_config('search_path', ?, false)"_s,
                                            {saved->first().first()});
    if (!db)
        return db.error().withContext(Tr::tr("Reading schema \"%1\"").arg(schema->first));
    if (!restored)
        return restored.error();
    return db;
}

} // namespace Retort

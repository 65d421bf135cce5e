#include "sqliteintrospector.h"

#include "sqliteddlparser.h"

#include <engine/core/enginetr.h>
#include <engine/dialect/typenormalizer.h>

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

using Schema::Table;
using TableDef = SqliteDdlParser::TableDef;

// The tables being read, with their parsed CREATE statements; indexed by exact name.
struct State
{
    Schema::Database db;
    QList<TableDef> defs;             // parallel to db.tables
    QHash<QString, int> tableIndex;   // exact name -> index in db.tables
    QHash<QString, QString> indexSql; // index name -> CREATE INDEX text
};

// Internal tables start with "sqlite_" in any case.
const QString kNotInternal = u"lower(substr(m.name, 1, 7)) <> 'sqlite_'"_s;

Result<QSqlQuery> run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        Error e(Error::Kind::Database,
                Tr::tr("Cannot read the SQLite schema: %1").arg(q.lastError().text()));
        e.sql = sql;
        e.detail = q.lastError().databaseText();
        return e;
    }
    return q;
}

QString typeWithoutGenerated(QString type)
{
    // Some SQLite versions report "INT GENERATED ALWAYS" as a generated column's type.
    static const QString suffix = u" GENERATED ALWAYS"_s;
    if (type.endsWith(suffix, Qt::CaseInsensitive))
        type.chop(suffix.size());
    return type.trimmed();
}

// Virtual tables and their shadow tables (an FTS5 table's _data, _idx, ...): SQLite 3.37+
// tells them apart in pragma_table_list, read once (joining it per row costs O(n^2)).
// Older versions: none found here, and parseTable still spots CREATE VIRTUAL TABLE.
QSet<QString> virtualAndShadowTables(QSqlDatabase &sql)
{
    QSet<QString> names;
    QSqlQuery q(sql);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT name FROM pragma_table_list WHERE schema = 'main' "
                "AND type IN ('virtual', 'shadow')"_s)) {
        return names;
    }
    while (q.next())
        names.insert(q.value(0).toString());
    return names;
}

Result<void> readMaster(QSqlDatabase &sql, const IntrospectOptions &options, State &s)
{
    const QSet<QString> skipped = virtualAndShadowTables(sql);
    Result<QSqlQuery> q = run(sql,
                              u"SELECT m.type, m.name, m.tbl_name, m.sql FROM sqlite_master m "
                              "WHERE "_s
                                  + kNotInternal + u" ORDER BY m.name"_s);
    if (!q)
        return q.error();
    QList<std::pair<QString, Schema::Trigger>> triggers;
    while (q->next()) {
        const QString type = q->value(0).toString();
        const QString name = q->value(1).toString();
        const QString text = q->value(3).toString();
        if (skipped.contains(name))
            continue;
        if (type == u"table"_s && !options.tables.isExcluded(name)) {
            TableDef def = SqliteDdlParser::parseTable(text);
            if (def.isVirtual)
                continue;
            Table t;
            t.name = name;
            t.withoutRowid = def.withoutRowid;
            t.strict = def.strict;
            s.tableIndex.insert(name, s.db.tables.size());
            s.db.tables.append(t);
            s.defs.append(def);
        } else if (type == u"view"_s && !options.tables.isExcluded(name)) {
            s.db.views.append({name, SqliteDdlParser::viewDefinition(text), false});
        } else if (type == u"index"_s) {
            s.indexSql.insert(name, text);
        } else if (type == u"trigger"_s) {
            triggers.append({q->value(2).toString(), Schema::Trigger{name, text}});
        }
    }
    for (const auto &[table, trigger] : std::as_const(triggers)) {
        int ti = s.tableIndex.value(table, -1);
        for (auto it = s.tableIndex.cbegin(); ti < 0 && it != s.tableIndex.cend(); ++it) {
            if (it.key().compare(table, Qt::CaseInsensitive) == 0)
                ti = it.value();
        }
        if (ti >= 0)
            s.db.tables[ti].triggers.append(trigger);
    }
    return {};
}

const SqliteDdlParser::ColumnDef *columnDef(const TableDef &def, const QString &name)
{
    for (const SqliteDdlParser::ColumnDef &c : def.columns) {
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    }
    return nullptr;
}

Result<void> readColumns(QSqlDatabase &sql, State &s)
{
    Result<QSqlQuery> q = run(sql,
                              u"SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, "
                              "p.pk, p.hidden FROM sqlite_master m "
                              "JOIN pragma_table_xinfo(m.name) p "
                              "WHERE m.type = 'table' AND "_s
                                  + kNotInternal + u" ORDER BY m.name, p.cid"_s);
    if (!q)
        return q.error();
    const TypeNormalizer types(SqlDialect::SQLite);
    QHash<int, QList<std::pair<int, QString>>> pkParts; // table -> (position, column)
    while (q->next()) {
        const int ti = s.tableIndex.value(q->value(0).toString(), -1);
        if (ti < 0)
            continue;
        Schema::Column c;
        c.name = q->value(1).toString();
        c.type = types.columnType(typeWithoutGenerated(q->value(2).toString()));
        c.nullable = q->value(3).toInt() == 0;
        if (!q->value(4).isNull())
            c.defaultExpression = q->value(4).toString();
        const int hidden = q->value(6).toInt();
        if (hidden == 2 || hidden == 3)
            c.generated = hidden == 3 ? Schema::Generated::Stored : Schema::Generated::Virtual;
        if (const SqliteDdlParser::ColumnDef *def = columnDef(s.defs.at(ti), c.name)) {
            c.collation = def->collation;
            if (def->autoincrement)
                c.identity = Schema::Identity::AutoIncrement;
            if (c.generated != Schema::Generated::None)
                c.generationExpression = def->generationExpression;
        }
        if (const int pk = q->value(5).toInt(); pk > 0)
            pkParts[ti].append({pk, c.name});
        s.db.tables[ti].columns.append(c);
    }
    for (auto it = pkParts.begin(); it != pkParts.end(); ++it) {
        std::sort(it->begin(), it->end());
        Table &t = s.db.tables[it.key()];
        t.primaryKey.name = s.defs.at(it.key()).primaryKeyName;
        for (const auto &part : std::as_const(*it))
            t.primaryKey.columns.append(part.second);
    }
    return {};
}

struct RawIndex
{
    int table = -1;
    QString name;
    bool unique = false;
    QString origin; // c = CREATE INDEX, u = UNIQUE constraint, pk = PRIMARY KEY
    QList<int> cids;
    QStringList columns;
    QList<bool> descending;
};

Schema::Index explicitIndex(const RawIndex &raw, const State &s)
{
    const SqliteDdlParser::IndexDef def = SqliteDdlParser::parseIndex(s.indexSql.value(raw.name));
    Schema::Index index;
    index.name = raw.name;
    index.unique = raw.unique;
    index.where = def.where;
    for (int i = 0; i < raw.cids.size(); ++i) {
        Schema::IndexColumn col;
        const Schema::IndexColumn parsed = def.columns.value(i);
        if (raw.cids.at(i) == -2)
            col.expression = parsed.expression;
        else
            col.name = raw.columns.at(i);
        col.descending = raw.descending.at(i);
        col.collation = parsed.collation;
        index.columns.append(col);
    }
    return index;
}

// UNIQUE constraints in declaration order (sqlite_autoindex_<table>_<N>), named from the DDL.
void addUniqueConstraints(QList<RawIndex> uniques, State &s)
{
    auto number
        = [](const RawIndex &r) { return r.name.mid(r.name.lastIndexOf(u'_') + 1).toInt(); };
    std::sort(uniques.begin(), uniques.end(), [&](const RawIndex &a, const RawIndex &b) {
        return a.table != b.table ? a.table < b.table : number(a) < number(b);
    });
    QHash<int, QList<bool>> used; // table -> parsed unique constraints already matched
    for (const RawIndex &raw : std::as_const(uniques)) {
        Schema::UniqueConstraint u{QString(), raw.columns, false, false};
        const QList<Schema::UniqueConstraint> &parsed = s.defs.at(raw.table).uniqueConstraints;
        QList<bool> &taken = used[raw.table];
        taken.resize(parsed.size());
        for (int i = 0; i < parsed.size(); ++i) {
            const QStringList &cols = parsed.at(i).columns;
            const bool same = cols.size() == u.columns.size()
                              && std::equal(cols.begin(),
                                            cols.end(),
                                            u.columns.begin(),
                                            [](const QString &a, const QString &b) {
                                                return a.compare(b, Qt::CaseInsensitive) == 0;
                                            });
            if (!taken[i] && same) {
                taken[i] = true;
                u.name = parsed.at(i).name;
                break;
            }
        }
        s.db.tables[raw.table].uniqueConstraints.append(u);
    }
}

Result<void> readIndexes(QSqlDatabase &sql, State &s)
{
    Result<QSqlQuery> q = run(sql,
                              u"SELECT m.name, il.name, il.\"unique\", il.origin, ix.cid, "
                              "ix.name, ix.\"desc\" FROM sqlite_master m "
                              "JOIN pragma_index_list(m.name) il "
                              "JOIN pragma_index_xinfo(il.name) ix "
                              "WHERE m.type = 'table' AND ix.key = 1 AND "_s
                                  + kNotInternal + u" ORDER BY m.name, il.name, ix.seqno"_s);
    if (!q)
        return q.error();
    QList<RawIndex> raws;
    while (q->next()) {
        const int ti = s.tableIndex.value(q->value(0).toString(), -1);
        const QString name = q->value(1).toString();
        if (ti < 0)
            continue;
        if (raws.isEmpty() || raws.last().table != ti || raws.last().name != name)
            raws.append({ti, name, q->value(2).toInt() != 0, q->value(3).toString(), {}, {}, {}});
        raws.last().cids.append(q->value(4).toInt());
        raws.last().columns.append(q->value(5).toString());
        raws.last().descending.append(q->value(6).toInt() != 0);
    }
    QList<RawIndex> uniques;
    for (const RawIndex &raw : std::as_const(raws)) {
        if (raw.origin == u"c"_s)
            s.db.tables[raw.table].indexes.append(explicitIndex(raw, s));
        else if (raw.origin == u"u"_s)
            uniques.append(raw);
    }
    addUniqueConstraints(uniques, s);
    return {};
}

bool sameColumns(const QStringList &a, const QStringList &b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](const QString &x, const QString &y) {
                  return x.compare(y, Qt::CaseInsensitive) == 0;
              });
}

// FKs in declaration order (the DDL's), with the pragma's columns and actions.
void addForeignKeys(int ti, QList<Schema::ForeignKey> fromPragma, State &s)
{
    std::reverse(fromPragma.begin(), fromPragma.end()); // SQLite numbers them last-first
    QList<Schema::ForeignKey> ordered;
    for (const Schema::ForeignKey &parsed : s.defs.at(ti).foreignKeys) {
        for (int i = 0; i < fromPragma.size(); ++i) {
            Schema::ForeignKey fk = fromPragma.at(i);
            if (sameColumns(fk.columns, parsed.columns)
                && fk.referencedTable.compare(parsed.referencedTable, Qt::CaseInsensitive) == 0) {
                fk.name = parsed.name;
                fk.deferrable = parsed.deferrable;
                fk.initiallyDeferred = parsed.initiallyDeferred;
                ordered.append(fk);
                fromPragma.removeAt(i);
                break;
            }
        }
    }
    ordered += fromPragma;
    s.db.tables[ti].foreignKeys = ordered;
}

Result<void> readForeignKeys(QSqlDatabase &sql, State &s)
{
    Result<QSqlQuery> q = run(sql,
                              u"SELECT m.name, fk.id, fk.\"table\", fk.\"from\", fk.\"to\", "
                              "fk.on_update, fk.on_delete FROM sqlite_master m "
                              "JOIN pragma_foreign_key_list(m.name) fk "
                              "WHERE m.type = 'table' AND "_s
                                  + kNotInternal + u" ORDER BY m.name, fk.id, fk.seq"_s);
    if (!q)
        return q.error();
    QHash<int, QList<Schema::ForeignKey>> byTable;
    int lastTable = -1, lastId = -1;
    while (q->next()) {
        const int ti = s.tableIndex.value(q->value(0).toString(), -1);
        if (ti < 0)
            continue;
        QList<Schema::ForeignKey> &fks = byTable[ti];
        if (ti != lastTable || q->value(1).toInt() != lastId) {
            Schema::ForeignKey fk;
            fk.referencedTable = q->value(2).toString();
            fk.onUpdate = Schema::referentialActionFromSql(q->value(5).toString());
            fk.onDelete = Schema::referentialActionFromSql(q->value(6).toString());
            fks.append(fk);
        }
        lastTable = ti;
        lastId = q->value(1).toInt();
        fks.last().columns.append(q->value(3).toString());
        fks.last().referencedColumns.append(q->value(4).toString()); // empty: implicit PK
    }
    for (auto it = byTable.begin(); it != byTable.end(); ++it)
        addForeignKeys(it.key(), *it, s);
    return {};
}

// SQLite matches the referenced table ignoring case and, without a column list, uses its
// primary key: spell both out as the referenced table has them.
void resolveReferences(Schema::Database &db)
{
    QHash<QString, const Table *> byName;
    QHash<QString, const Table *> byLowerName;
    for (const Table &t : db.tables) {
        byName.insert(t.name, &t);
        byLowerName.insert(t.name.toLower(), &t);
    }
    for (Table &t : db.tables) {
        for (Schema::ForeignKey &fk : t.foreignKeys) {
            const Table *parent
                = byName.value(fk.referencedTable, byLowerName.value(fk.referencedTable.toLower()));
            if (!parent)
                continue;
            fk.referencedTable = parent->name;
            const bool implicit = std::all_of(fk.referencedColumns.begin(),
                                              fk.referencedColumns.end(),
                                              [](const QString &c) { return c.isEmpty(); });
            if (implicit && parent->primaryKey.columns.size() == fk.columns.size())
                fk.referencedColumns = parent->primaryKey.columns;
        }
    }
}

void finish(State &s)
{
    for (int i = 0; i < s.db.tables.size(); ++i) {
        Table &t = s.db.tables[i];
        t.checkConstraints = s.defs.at(i).checkConstraints;
        std::sort(t.indexes.begin(), t.indexes.end(), [](const auto &a, const auto &b) {
            return a.name < b.name;
        });
        std::sort(t.triggers.begin(), t.triggers.end(), [](const auto &a, const auto &b) {
            return a.name < b.name;
        });
    }
    resolveReferences(s.db);
    std::sort(s.db.tables.begin(), s.db.tables.end(), [](const Table &a, const Table &b) {
        return a.name < b.name;
    });
    std::sort(s.db.views.begin(), s.db.views.end(), [](const auto &a, const auto &b) {
        return a.name < b.name;
    });
}

} // namespace

Result<Schema::Database> SqliteIntrospector::introspect(QSqlDatabase &db,
                                                        const IntrospectOptions &options)
{
    State s;
    s.db.dialect = SqlDialect::SQLite;
    if (const Result<void> r = readMaster(db, options, s); !r)
        return r.error();
    for (auto step : {readColumns, readIndexes, readForeignKeys}) {
        if (const Result<void> r = step(db, s); !r)
            return r.error();
    }
    finish(s);
    return s.db;
}

} // namespace Retort

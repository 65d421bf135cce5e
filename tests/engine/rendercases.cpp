#include "rendercases.h"

using namespace Qt::Literals::StringLiterals;

namespace RenderCases {

namespace {

using Schema::Column;
using Schema::Table;

Column col(const QString &name, const QString &type, bool nullable = true,
           std::optional<QString> def = std::nullopt)
{
    Column c;
    c.name = name;
    c.type = Schema::ColumnType{type, type.toUpper()};
    c.nullable = nullable;
    c.defaultExpression = def;
    return c;
}

Schema::PrimaryKey pk(SqlDialect d, const QString &table, const QStringList &columns)
{
    return Schema::PrimaryKey{d == SqlDialect::PostgreSQL ? table + u"_pkey"_s : QString(), columns};
}

Schema::Index index(const QString &name, const QStringList &columns, bool unique = false)
{
    Schema::Index i;
    i.name = name;
    i.unique = unique;
    for (const QString &c : columns)
        i.columns.append(Schema::IndexColumn{c, {}, false, {}, 0});
    return i;
}

Table parentTable(SqlDialect d)
{
    Table t;
    t.name = u"parent"_s;
    t.columns = {col(u"id"_s, u"INTEGER"_s, false), col(u"name"_s, u"VARCHAR(100)"_s, false)};
    t.primaryKey = pk(d, t.name, {u"id"_s});
    return t;
}

Table childTable(SqlDialect d)
{
    Table t;
    t.name = u"child"_s;
    t.columns = {col(u"id"_s, u"INTEGER"_s, false), col(u"parent_id"_s, u"INTEGER"_s),
                 col(u"title"_s, u"VARCHAR(200)"_s, true, u"'untitled'"_s),
                 col(u"score"_s, u"INTEGER"_s, false, u"0"_s)};
    t.primaryKey = pk(d, t.name, {u"id"_s});
    Schema::ForeignKey fk;
    fk.name = u"fk_child_parent"_s;
    fk.columns = {u"parent_id"_s};
    fk.referencedTable = u"parent"_s;
    fk.referencedColumns = {u"id"_s};
    fk.onDelete = Schema::ReferentialAction::Cascade;
    t.foreignKeys = {fk};
    t.indexes = {index(u"ix_child_title"_s, {u"title"_s})};
    return t;
}

Schema::Database base(SqlDialect d)
{
    Schema::Database db;
    db.dialect = d;
    db.tables = {childTable(d), parentTable(d)};
    return db;
}

const Column &childColumn(SqlDialect d, const QString &name)
{
    static Table sqlite = childTable(SqlDialect::SQLite);
    static Table pg = childTable(SqlDialect::PostgreSQL);
    static Table my = childTable(SqlDialect::MySQL);
    const Table &t = d == SqlDialect::SQLite ? sqlite : d == SqlDialect::PostgreSQL ? pg : my;
    return *t.column(name);
}

Ops::AlterColumn alter(const QString &table, const Column &from, const Column &to)
{
    Ops::AlterColumn a{table, from, to};
    a.typeChanged = from.type.normalized != to.type.normalized;
    a.nullableChanged = from.nullable != to.nullable;
    a.defaultChanged = from.defaultExpression != to.defaultExpression;
    a.collationChanged = from.collation != to.collation;
    a.identityChanged = from.identity != to.identity;
    a.generatedChanged = from.generated != to.generated
                         || from.generationExpression != to.generationExpression;
    return a;
}

Case simple(SqlDialect d, const Ops::OperationList &ops)
{
    return Case{base(d), ops};
}

Table itemTable(SqlDialect d)
{
    Table t;
    t.name = u"item"_s;
    t.columns = {col(u"id"_s, u"INTEGER"_s, false), col(u"child_id"_s, u"INTEGER"_s),
                 col(u"label"_s, u"VARCHAR(50)"_s, false, u"'none'"_s),
                 col(u"price"_s, u"NUMERIC(10,2)"_s)};
    t.primaryKey = pk(d, t.name, {u"id"_s});
    t.uniqueConstraints = {Schema::UniqueConstraint{u"uq_item_label"_s, {u"label"_s}, false, false}};
    t.checkConstraints = {Schema::CheckConstraint{u"ck_item_price"_s, u"price >= 0"_s}};
    Schema::ForeignKey fk;
    fk.name = u"fk_item_child"_s;
    fk.columns = {u"child_id"_s};
    fk.referencedTable = u"child"_s;
    fk.referencedColumns = {u"id"_s};
    fk.onDelete = Schema::ReferentialAction::SetNull;
    fk.onUpdate = Schema::ReferentialAction::Cascade;
    t.foreignKeys = {fk};
    Schema::Index byPrice = index(u"ix_item_price"_s, {u"price"_s});
    byPrice.columns[0].descending = true;
    t.indexes = {byPrice};
    return t;
}

Table quotedTable(SqlDialect d)
{
    Table t;
    t.name = u"user"_s;
    t.columns = {col(u"order"_s, u"INTEGER"_s, false), col(u"Group Name"_s, u"VARCHAR(50)"_s),
                 col(u"1st"_s, u"INTEGER"_s), col(u"mixedCase"_s, u"INTEGER"_s),
                 col(u"we\"ird"_s, u"TEXT"_s), col(u"back`tick"_s, u"TEXT"_s),
                 col(u"plain_name"_s, u"TEXT"_s)};
    t.primaryKey = pk(d, t.name, {u"order"_s});
    t.indexes = {index(u"User Index"_s, {u"mixedCase"_s, u"Group Name"_s})};
    return t;
}

Table identityTable(SqlDialect d)
{
    Table t;
    t.name = u"counter"_s;
    Column id = col(u"id"_s, u"INTEGER"_s, false);
    id.identity = d == SqlDialect::PostgreSQL ? Schema::Identity::IdentityAlways
                                              : Schema::Identity::AutoIncrement;
    t.columns = {id};
    if (d == SqlDialect::PostgreSQL) {
        Column serial = col(u"seq"_s, u"INTEGER"_s, false, u"nextval('counter_seq_seq'::regclass)"_s);
        serial.identity = Schema::Identity::Serial;
        Column byDefault = col(u"other"_s, u"BIGINT"_s, false);
        byDefault.identity = Schema::Identity::IdentityByDefault;
        t.columns << serial << byDefault;
    }
    t.columns << col(u"hits"_s, u"INTEGER"_s, false, u"0"_s);
    t.primaryKey = pk(d, t.name, {u"id"_s});
    return t;
}

Table generatedTable(SqlDialect d)
{
    Table t;
    t.name = u"box"_s;
    Column area = col(u"area"_s, u"INTEGER"_s);
    area.generated = Schema::Generated::Stored;
    area.generationExpression = u"w * h"_s;
    t.columns = {col(u"id"_s, u"INTEGER"_s, false), col(u"w"_s, u"INTEGER"_s),
                 col(u"h"_s, u"INTEGER"_s), area};
    t.primaryKey = pk(d, t.name, {u"id"_s});
    return t;
}

Schema::View childView(const QString &definition)
{
    return Schema::View{u"v_child"_s, definition, false};
}

Schema::Database withNote(SqlDialect d)
{
    Schema::Database db = base(d);
    Table note;
    note.name = u"note"_s;
    note.columns = {col(u"id"_s, u"INTEGER"_s, false), col(u"child_id"_s, u"INTEGER"_s)};
    note.primaryKey = pk(d, note.name, {u"id"_s});
    db.tables.append(note);
    return db;
}

Schema::ForeignKey noteForeignKey()
{
    Schema::ForeignKey fk;
    fk.name = u"fk_note_child"_s;
    fk.columns = {u"child_id"_s};
    fk.referencedTable = u"child"_s;
    fk.referencedColumns = {u"id"_s};
    fk.onDelete = Schema::ReferentialAction::SetNull;
    fk.onUpdate = Schema::ReferentialAction::Cascade;
    fk.deferrable = true;
    fk.initiallyDeferred = true;
    return fk;
}

std::optional<Case> pgOnly(SqlDialect d, const std::function<Case()> &make)
{
    if (d != SqlDialect::PostgreSQL)
        return std::nullopt;
    return make();
}

Schema::EnumType mood()
{
    return Schema::EnumType{u"mood"_s, {u"sad"_s, u"ok"_s, u"happy"_s}};
}

Column moodColumn()
{
    return col(u"mood"_s, u"mood"_s, true, u"'ok'::mood"_s);
}

void addTableCases(QMap<QString, Builder> &m)
{
    m[u"create_table"_s] = [](SqlDialect d) { return simple(d, {Ops::CreateTable{itemTable(d)}}); };
    m[u"drop_table"_s] = [](SqlDialect d) {
        return simple(d, {Ops::DropTable{childTable(d)}});
    };
    m[u"add_column"_s] = [](SqlDialect d) {
        return simple(d, {Ops::AddColumn{u"child"_s, col(u"note"_s, u"TEXT"_s)}});
    };
    m[u"add_column_not_null"_s] = [](SqlDialect d) {
        return simple(d, {Ops::AddColumn{u"child"_s, col(u"rank"_s, u"INTEGER"_s, false, u"1"_s)}});
    };
    m[u"add_column_fk"_s] = [](SqlDialect d) {
        Schema::ForeignKey fk{u"fk_child_other"_s, {u"other_id"_s}, {}, u"parent"_s, {u"id"_s}};
        return simple(d, {Ops::AddColumn{u"child"_s, col(u"other_id"_s, u"INTEGER"_s)},
                          Ops::AddForeignKey{u"child"_s, fk}});
    };
    m[u"drop_column"_s] = [](SqlDialect d) {
        return simple(d, {Ops::DropColumn{u"child"_s, childColumn(d, u"score"_s)}});
    };
    m[u"drop_indexed_column"_s] = [](SqlDialect d) {
        return simple(d, {Ops::DropIndex{u"child"_s, index(u"ix_child_title"_s, {u"title"_s})},
                          Ops::DropColumn{u"child"_s, childColumn(d, u"title"_s)}});
    };
    m[u"rename_table"_s] = [](SqlDialect d) {
        return simple(d, {Ops::RenameTable{u"child"_s, u"children"_s}});
    };
    m[u"rename_column"_s] = [](SqlDialect d) {
        return simple(d, {Ops::RenameColumn{u"child"_s, u"title"_s, u"heading"_s}});
    };
    m[u"execute_sql"_s] = [](SqlDialect d) {
        return simple(d, {Ops::ExecuteSql{u"UPDATE child SET score = 0"_s, u"UPDATE child SET score = 1"_s}});
    };
    m[u"quoting"_s] = [](SqlDialect d) {
        return simple(d, {Ops::CreateTable{quotedTable(d)},
                          Ops::AddColumn{u"user"_s, col(u"group"_s, u"TEXT"_s)}});
    };
    m[u"identity"_s] = [](SqlDialect d) { return simple(d, {Ops::CreateTable{identityTable(d)}}); };
    m[u"generated"_s] = [](SqlDialect d) { return simple(d, {Ops::CreateTable{generatedTable(d)}}); };
}

void addAlterCases(QMap<QString, Builder> &m)
{
    m[u"alter_type"_s] = [](SqlDialect d) {
        Column to = childColumn(d, u"title"_s);
        to.type = Schema::ColumnType{u"TEXT"_s, u"TEXT"_s};
        return simple(d, {alter(u"child"_s, childColumn(d, u"title"_s), to)});
    };
    m[u"alter_type_using"_s] = [](SqlDialect d) {
        const Column from = col(u"name"_s, u"VARCHAR(100)"_s, false);
        return simple(d, {alter(u"parent"_s, from, col(u"name"_s, u"INTEGER"_s, false))});
    };
    m[u"alter_nullable"_s] = [](SqlDialect d) {
        Column to = childColumn(d, u"parent_id"_s);
        to.nullable = false;
        return simple(d, {alter(u"child"_s, childColumn(d, u"parent_id"_s), to)});
    };
    m[u"alter_default"_s] = [](SqlDialect d) {
        Column score = childColumn(d, u"score"_s);
        score.defaultExpression = u"10"_s;
        Column title = childColumn(d, u"title"_s);
        title.defaultExpression.reset();
        return simple(d, {alter(u"child"_s, childColumn(d, u"score"_s), score),
                          alter(u"child"_s, childColumn(d, u"title"_s), title)});
    };
    m[u"alter_collation"_s] = [](SqlDialect d) {
        const Column from = col(u"name"_s, u"VARCHAR(100)"_s, false);
        Column to = from;
        to.collation = d == SqlDialect::SQLite ? u"NOCASE"_s
                       : d == SqlDialect::PostgreSQL ? u"C"_s : u"utf8mb4_bin"_s;
        return simple(d, {alter(u"parent"_s, from, to)});
    };
    m[u"alter_referenced_parent"_s] = [](SqlDialect d) {
        const Column from = col(u"name"_s, u"VARCHAR(100)"_s, false);
        return simple(d, {alter(u"parent"_s, from, col(u"name"_s, u"VARCHAR(100)"_s))});
    };
    m[u"multi_change"_s] = [](SqlDialect d) {
        Column score = childColumn(d, u"score"_s);
        score.type = Schema::ColumnType{u"BIGINT"_s, u"BIGINT"_s};
        Case c = simple(d, {Ops::DropIndex{u"child"_s, index(u"ix_child_title"_s, {u"title"_s})},
                            alter(u"child"_s, childColumn(d, u"score"_s), score),
                            Ops::AddCheckConstraint{u"child"_s, {u"ck_child_score"_s, u"score >= 0"_s}},
                            Ops::CreateIndex{u"child"_s, index(u"ix_child_score"_s, {u"score"_s, u"id"_s})}});
        if (d == SqlDialect::SQLite) {
            c.before.table(u"child"_s)->triggers = {Schema::Trigger{
                u"tr_child_touch"_s,
                u"CREATE TRIGGER tr_child_touch AFTER UPDATE ON child BEGIN SELECT 1; END"_s}};
        }
        return c;
    };
    m[u"rename_in_rebuild"_s] = [](SqlDialect d) {
        Column heading = childColumn(d, u"title"_s);
        heading.name = u"heading"_s;
        Column to = heading;
        to.nullable = false;
        return simple(d, {Ops::RenameColumn{u"child"_s, u"title"_s, u"heading"_s},
                          alter(u"child"_s, heading, to)});
    };
}

void addConstraintCases(QMap<QString, Builder> &m)
{
    m[u"create_index"_s] = [](SqlDialect d) {
        Schema::Index partial = index(u"ix_child_score_positive"_s, {u"score"_s}, true);
        if (d != SqlDialect::MySQL)
            partial.where = u"score > 0"_s;
        Schema::Index expr;
        expr.name = u"ix_child_lower_title"_s;
        expr.columns = {Schema::IndexColumn{{}, u"lower(title)"_s, false, {}, 0}};
        return simple(d, {Ops::CreateIndex{u"child"_s, partial}, Ops::CreateIndex{u"child"_s, expr}});
    };
    m[u"drop_index"_s] = [](SqlDialect d) {
        return simple(d, {Ops::DropIndex{u"child"_s, index(u"ix_child_title"_s, {u"title"_s})}});
    };
    m[u"unique_constraint"_s] = [](SqlDialect d) {
        return simple(d, {Ops::AddUniqueConstraint{u"child"_s, {u"uq_child_title"_s, {u"title"_s}, false, false}}});
    };
    m[u"check_constraint"_s] = [](SqlDialect d) {
        return simple(d, {Ops::AddCheckConstraint{u"child"_s, {u"ck_child_score"_s, u"score >= 0"_s}}});
    };
    m[u"foreign_key"_s] = [](SqlDialect d) {
        return Case{withNote(d), {Ops::AddForeignKey{u"note"_s, noteForeignKey()}}};
    };
    m[u"create_view"_s] = [](SqlDialect d) {
        return simple(d, {Ops::CreateView{childView(u"SELECT id, title FROM child"_s)}});
    };
    m[u"replace_view"_s] = [](SqlDialect d) {
        Case c = simple(d, {Ops::ReplaceView{childView(u"SELECT id, title FROM child"_s),
                                             childView(u"SELECT id, title, score FROM child"_s)}});
        c.before.views = {childView(u"SELECT id, title FROM child"_s)};
        return c;
    };
}

void addEnumCases(QMap<QString, Builder> &m)
{
    m[u"enum_create"_s] = [](SqlDialect d) {
        return pgOnly(d, [d] {
            return simple(d, {Ops::CreateEnum{mood()}, Ops::AddColumn{u"child"_s, moodColumn()}});
        });
    };
    m[u"enum_add_value"_s] = [](SqlDialect d) {
        return pgOnly(d, [d] {
            Case c = simple(d, {Ops::AddEnumValue{mood(), u"meh"_s, 1},
                                Ops::AddEnumValue{Schema::EnumType{u"mood"_s, {u"sad"_s, u"meh"_s, u"ok"_s, u"happy"_s}}, u"ecstatic"_s, 4}});
            c.before.enums = {mood()};
            return c;
        });
    };
    m[u"enum_drop_value"_s] = [](SqlDialect d) {
        return pgOnly(d, [d] {
            Case c = simple(d, {Ops::DropEnumValue{mood(), u"sad"_s}});
            c.before.enums = {mood()};
            c.before.table(u"child"_s)->columns.append(moodColumn());
            return c;
        });
    };
    m[u"identity_change"_s] = [](SqlDialect d) {
        return pgOnly(d, [d] {
            const Column from = col(u"id"_s, u"INTEGER"_s, false);
            Column to = from;
            to.identity = Schema::Identity::IdentityByDefault;
            return simple(d, {alter(u"parent"_s, from, to)});
        });
    };
}

void addSqliteCases(QMap<QString, Builder> &m)
{
    m[u"autoincrement_rebuild"_s] = [](SqlDialect d) -> std::optional<Case> {
        if (d != SqlDialect::SQLite)
            return std::nullopt;
        Case c = simple(d, {});
        const Table counter = identityTable(d);
        c.before.tables.append(counter);
        Column hits = *counter.column(u"hits"_s);
        Column to = hits;
        to.defaultExpression = u"1"_s;
        c.ops = {alter(u"counter"_s, hits, to)};
        return c;
    };
}

} // namespace

QMap<QString, Builder> all()
{
    QMap<QString, Builder> m;
    addTableCases(m);
    addAlterCases(m);
    addConstraintCases(m);
    addEnumCases(m);
    addSqliteCases(m);
    return m;
}

} // namespace RenderCases

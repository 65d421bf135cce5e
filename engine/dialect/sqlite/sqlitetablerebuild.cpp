#include "sqlitetablerebuild.h"

#include "sqliterenderer.h"

#include <engine/dialect/sqlwriter.h>

#include <QHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

using Schema::Column;
using Schema::Database;
using Schema::Table;

const SqlWriter w(SqlDialect::SQLite);

const Table *findTable(const Database &db, const QString &name)
{
    for (const Table &t : db.tables) {
        if (t.name.compare(name, Qt::CaseInsensitive) == 0)
            return &t;
    }
    return nullptr;
}

bool same(const QString &a, const QString &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool listHas(const QStringList &list, const QString &name)
{
    return list.contains(name, Qt::CaseInsensitive);
}

// The name appears in SQL text as a whole word (quoted or not).
bool mentions(const QString &sql, const QString &name)
{
    if (sql.isEmpty())
        return false;
    const QRegularExpression re(u"(?<![A-Za-z0-9_$])"_s + QRegularExpression::escape(name)
                                    + u"(?![A-Za-z0-9_$])"_s,
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(sql).hasMatch();
}

bool indexUses(const Schema::Index &index, const QString &column)
{
    for (const Schema::IndexColumn &c : index.columns) {
        if (same(c.name, column) || mentions(c.expression, column))
            return true;
    }
    return mentions(index.where, column);
}

// ALTER TABLE DROP COLUMN fails when anything else in the schema names the column.
bool isColumnUsed(const Database &db, const Table &t, const QString &column)
{
    if (listHas(t.primaryKey.columns, column))
        return true;
    for (const Schema::UniqueConstraint &u : t.uniqueConstraints) {
        if (listHas(u.columns, column))
            return true;
    }
    for (const Schema::Index &i : t.indexes) {
        if (indexUses(i, column))
            return true;
    }
    for (const Schema::CheckConstraint &c : t.checkConstraints) {
        if (mentions(c.expression, column))
            return true;
    }
    for (const Column &c : t.columns) {
        if (!same(c.name, column) && mentions(c.generationExpression, column))
            return true;
    }
    for (const Schema::Trigger &tr : t.triggers) {
        if (mentions(tr.definition, column))
            return true;
    }
    for (const Table &other : db.tables) {
        for (const Schema::ForeignKey &fk : other.foreignKeys) {
            if ((&other == &t && listHas(fk.columns, column))
                || (same(fk.referencedTable, t.name) && listHas(fk.referencedColumns, column)))
                return true;
        }
    }
    for (const Schema::View &v : db.views) {
        if (mentions(v.definition, column))
            return true;
    }
    return false;
}

bool isConstantDefault(const QString &expression)
{
    static const QRegularExpression constant(
        uR"(^([-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|'([^']|'')*'|[xX]'[0-9a-fA-F]*'|null|true|false)$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return constant.match(expression.trimmed()).hasMatch();
}

// Source expression (in the old table) of each column of the new table, by new column name;
// columns added by the operations have none.
QHash<QString, QString> columnSources(const Table &old, const Ops::OperationList &ops)
{
    QHash<QString, QString> sources; // lower-case new name -> old name
    for (const Column &c : old.columns)
        sources.insert(c.name.toLower(), c.name);
    for (const Ops::Operation &op : ops) {
        if (const auto *r = std::get_if<Ops::RenameColumn>(&op)) {
            const QString from = sources.take(r->from.toLower());
            if (!from.isEmpty())
                sources.insert(r->to.toLower(), from);
        } else if (const auto *d = std::get_if<Ops::DropColumn>(&op)) {
            sources.remove(d->column.name.toLower());
        } else if (const auto *a = std::get_if<Ops::AddColumn>(&op)) {
            sources.remove(a->column.name.toLower());
        }
    }
    return sources;
}

QString copyRows(const Table &old, const Table &now, const Ops::OperationList &ops,
                 const QString &tmp)
{
    const QHash<QString, QString> sources = columnSources(old, ops);
    QStringList into, from;
    for (const Column &c : now.columns) {
        const QString source = sources.value(c.name.toLower());
        if (source.isEmpty() || c.generated != Schema::Generated::None)
            continue;
        into << w.name(c.name);
        from << w.name(source);
    }
    return u"INSERT INTO "_s + w.name(tmp) + u" ("_s + into.join(u", "_s) + u") SELECT "_s
           + from.join(u", "_s) + u" FROM "_s + w.name(old.name);
}

bool hasAutoIncrement(const Table &t)
{
    for (const Column &c : t.columns) {
        if (c.identity == Schema::Identity::AutoIncrement)
            return true;
    }
    return false;
}

// Keeps AUTOINCREMENT's promise: ids are not reused after the rebuild.
QString keepSequence(const QString &table, const QString &tmp)
{
    return u"UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence "
           "WHERE name = %1), 0)) WHERE name = %2"_s.arg(SqlWriter::literal(table),
                                                        SqlWriter::literal(tmp));
}

} // namespace

bool SqliteTableRebuild::canAddColumn(const Column &c)
{
    if (c.identity != Schema::Identity::None || c.generated == Schema::Generated::Stored)
        return false;
    if (c.defaultExpression && !isConstantDefault(*c.defaultExpression))
        return false;
    if (!c.nullable && c.generated == Schema::Generated::None
        && (!c.defaultExpression || same(c.defaultExpression->trimmed(), u"NULL"_s)))
        return false;
    return true;
}

bool SqliteTableRebuild::isReferenced(const Database &db, const QString &table)
{
    for (const Table &t : db.tables) {
        for (const Schema::ForeignKey &fk : t.foreignKeys) {
            if (same(fk.referencedTable, table))
                return true;
        }
    }
    return false;
}

bool SqliteTableRebuild::isNeeded(const Database &state, const Ops::Operation &op)
{
    if (const auto *add = std::get_if<Ops::AddColumn>(&op))
        return !canAddColumn(add->column);
    if (const auto *drop = std::get_if<Ops::DropColumn>(&op)) {
        const Table *t = findTable(state, drop->table);
        return t && isColumnUsed(state, *t, drop->column.name);
    }
    return std::holds_alternative<Ops::AlterColumn>(op)
           || std::holds_alternative<Ops::AddUniqueConstraint>(op)
           || std::holds_alternative<Ops::DropUniqueConstraint>(op)
           || std::holds_alternative<Ops::AddCheckConstraint>(op)
           || std::holds_alternative<Ops::DropCheckConstraint>(op)
           || std::holds_alternative<Ops::AddForeignKey>(op)
           || std::holds_alternative<Ops::DropForeignKey>(op)
           || std::holds_alternative<Ops::AlterPrimaryKey>(op);
}

RenderedStatementList SqliteTableRebuild::render(const Database &before,
                                                 const Ops::OperationList &ops,
                                                 const Database &after, const QString &table)
{
    const Table *old = findTable(before, table);
    const Table *now = findTable(after, table);
    if (!old || !now)
        return {};
    const QString tmp = u"_retort_tmp_"_s + now->name;
    const bool foreignKeysOff = isReferenced(before, old->name) || isReferenced(after, now->name);
    RenderedStatementList out;
    auto add = [&out, foreignKeysOff](const QString &sql, const QString &note = {}) {
        RenderedStatement s{sql};
        s.foreignKeysOff = foreignKeysOff;
        s.note = note;
        out.append(s);
    };
    add(SqliteRenderer::createTableStatement(*now, tmp),
        foreignKeysOff ? u"Other tables refer to %1: the runner switches foreign keys off before "
                         "this revision's transaction (migrate:foreign-keys-off) and checks them "
                         "before it commits."_s.arg(w.name(now->name))
                       : QString());
    add(copyRows(*old, *now, ops, tmp));
    if (hasAutoIncrement(*old) && hasAutoIncrement(*now))
        add(keepSequence(old->name, tmp));
    add(u"DROP TABLE "_s + w.name(old->name));
    add(u"PRAGMA legacy_alter_table=ON"_s);
    add(u"ALTER TABLE "_s + w.name(tmp) + u" RENAME TO "_s + w.name(now->name));
    add(u"PRAGMA legacy_alter_table=OFF"_s);
    for (const Schema::Index &i : now->indexes)
        add(SqliteRenderer::createIndex(now->name, i));
    for (const Schema::Trigger &tr : now->triggers)
        add(w.viewQuery(tr.definition));
    add(u"PRAGMA foreign_key_check("_s + w.quoted(now->name) + u')');
    return out;
}

} // namespace Retort

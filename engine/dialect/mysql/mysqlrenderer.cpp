#include "mysqlrenderer.h"

#include <engine/core/enginetr.h>
#include <engine/core/overloaded.h>
#include <engine/dialect/sqlwriter.h>

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

using Schema::Column;
using Schema::Generated;
using Schema::Identity;

const SqlWriter w(SqlDialect::MySQL);

QString alterTable(const QString &table)
{
    return u"ALTER TABLE "_s + w.name(table) + u' ';
}

QString createIndex(const QString &table, const Schema::Index &index)
{
    const QString method = index.method.toUpper();
    QString kind = u"INDEX "_s;
    if (method == u"FULLTEXT"_s || method == u"SPATIAL"_s)
        kind = method + u" INDEX "_s;
    else if (index.unique)
        kind = u"UNIQUE INDEX "_s;
    QString sql = u"CREATE "_s + kind + w.name(index.name) + u" ON "_s + w.name(table) + u' '
                  + w.indexKeyParts(index);
    if (method == u"HASH"_s)
        sql += u" USING HASH"_s;
    return sql;
}

bool needsImplicitIndex(const Schema::Table &t, const Schema::ForeignKey &fk);
bool hasMadeUpName(const QString &table, const Schema::ForeignKey &fk);
QString implicitIndexClause(const Schema::ForeignKey &fk);

QStringList tableParts(const Schema::Table &t)
{
    QStringList parts;
    for (const Column &c : t.columns)
        parts << MysqlRenderer::columnDefinition(c);
    if (!t.primaryKey.isEmpty())
        parts << w.primaryKeyClause(t.primaryKey);
    for (const Schema::UniqueConstraint &u : t.uniqueConstraints)
        parts << w.uniqueClause(u);
    for (const Schema::CheckConstraint &c : t.checkConstraints)
        parts << w.checkClause(c);
    QList<QStringList> indexed; // the columns of the implicit indexes written so far
    for (const Schema::ForeignKey &fk : t.foreignKeys) {
        if (hasMadeUpName(t.name, fk) && needsImplicitIndex(t, fk) && !indexed.contains(fk.columns)) {
            parts << implicitIndexClause(fk);
            indexed << fk.columns;
        }
        parts << w.foreignKeyClause(fk);
    }
    return parts;
}

QString createView(const Schema::View &v, bool orReplace)
{
    return (orReplace ? u"CREATE OR REPLACE VIEW "_s : u"CREATE VIEW "_s) + w.name(v.name)
           + u" AS\n"_s + w.viewQuery(v.definition);
}

// Only the default changes: ALTER COLUMN ... SET/DROP DEFAULT does not rebuild the table.
bool onlyDefault(const Ops::AlterColumn &a)
{
    return a.defaultChanged && !a.typeChanged && !a.nullableChanged && !a.collationChanged
           && !a.identityChanged && !a.generatedChanged && !a.commentChanged;
}

QString alterColumn(const Ops::AlterColumn &a)
{
    if (onlyDefault(a)) {
        const QString prefix = alterTable(a.table) + u"ALTER COLUMN "_s + w.name(a.to.name);
        if (a.to.defaultExpression)
            return prefix + u" SET DEFAULT "_s + w.defaultSql(*a.to.defaultExpression);
        return prefix + u" DROP DEFAULT"_s;
    }
    return alterTable(a.table) + u"MODIFY COLUMN "_s + MysqlRenderer::columnDefinition(a.to);
}

bool leads(const QStringList &keyColumns, const QStringList &columns)
{
    if (keyColumns.size() < columns.size())
        return false;
    for (int i = 0; i < columns.size(); ++i) {
        if (keyColumns.at(i).compare(columns.at(i), Qt::CaseInsensitive) != 0)
            return false;
    }
    return true;
}

// InnoDB creates an index for a foreign key when no index starts with its columns, and keeps it
// when the key is dropped. The model never lists it (introspectors leave it out), so a foreign
// key without a visible supporting index has one of those.
bool needsImplicitIndex(const Schema::Table &t, const Schema::ForeignKey &fk)
{
    if (fk.name.isEmpty() || leads(t.primaryKey.columns, fk.columns))
        return false;
    for (const Schema::UniqueConstraint &u : t.uniqueConstraints) {
        if (leads(u.columns, fk.columns))
            return false;
    }
    for (const Schema::Index &i : t.indexes) {
        QStringList names;
        for (const Schema::IndexColumn &c : i.columns)
            names << c.name;
        if (leads(names, fk.columns))
            return false;
    }
    return true;
}

bool hasImplicitIndex(const Schema::Database &state, const QString &table, const Schema::ForeignKey &fk)
{
    const Schema::Table *t = state.table(table);
    return t && needsImplicitIndex(*t, fk);
}

// That index is named after the key, or after the key's first column when the key was unnamed
// and InnoDB made up its name (<table>_ibfk_<n>). A migration names every key (its downgrade
// drops it by name), which would name the index after the made-up name too; so for those keys
// the migration creates the index itself, under the name the models applied directly give it.
bool hasMadeUpName(const QString &table, const Schema::ForeignKey &fk)
{
    const QRegularExpression madeUp(u"^"_s + QRegularExpression::escape(table) + u"_ibfk_\\d+$"_s);
    return !fk.columns.isEmpty() && madeUp.match(fk.name).hasMatch();
}

QString implicitIndexName(const QString &table, const Schema::ForeignKey &fk)
{
    return hasMadeUpName(table, fk) ? fk.columns.constFirst() : fk.name;
}

QString implicitIndexClause(const Schema::ForeignKey &fk)
{
    return u"KEY "_s + w.name(fk.columns.constFirst()) + u" ("_s + w.names(fk.columns) + u')';
}

QStringList addForeignKey(const Schema::Database &state, const Ops::AddForeignKey &o)
{
    QString sql = alterTable(o.table);
    if (hasMadeUpName(o.table, o.foreignKey) && hasImplicitIndex(state, o.table, o.foreignKey))
        sql += u"ADD "_s + implicitIndexClause(o.foreignKey) + u", "_s;
    return {sql + u"ADD "_s + w.foreignKeyClause(o.foreignKey)};
}

QStringList dropForeignKey(const Schema::Database &state, const Ops::DropForeignKey &o)
{
    QStringList out{alterTable(o.table) + u"DROP FOREIGN KEY "_s + w.name(o.foreignKey.name)};
    if (hasImplicitIndex(state, o.table, o.foreignKey))
        out << alterTable(o.table) + u"DROP INDEX "_s
                   + w.name(implicitIndexName(o.table, o.foreignKey));
    return out;
}

QString indexName(const QString &name, const QStringList &columns)
{
    // MySQL names an unnamed key after its first column.
    return name.isEmpty() && !columns.isEmpty() ? columns.first() : name;
}

} // namespace

QString MysqlRenderer::columnDefinition(const Column &c)
{
    QString sql = w.name(c.name) + u' ' + SqlWriter::typeSql(c.type);
    if (!c.collation.isEmpty())
        sql += u" COLLATE "_s + w.collation(c.collation);
    if (c.generated != Generated::None) {
        sql += u" GENERATED ALWAYS AS ("_s + c.generationExpression.trimmed() + u')'
               + (c.generated == Generated::Stored ? u" STORED"_s : u" VIRTUAL"_s);
    }
    // NULL is written out: a TIMESTAMP column would otherwise become NOT NULL where
    // explicit_defaults_for_timestamp is off.
    if (c.generated == Generated::None || !c.nullable)
        sql += c.nullable ? u" NULL"_s : u" NOT NULL"_s;
    if (c.defaultExpression && c.generated == Generated::None && c.identity == Identity::None)
        sql += u" DEFAULT "_s + w.defaultSql(*c.defaultExpression);
    if (!c.onUpdate.isEmpty())
        sql += u" ON UPDATE "_s + c.onUpdate;
    if (c.identity != Identity::None)
        sql += u" AUTO_INCREMENT"_s;
    if (!c.comment.isEmpty())
        sql += u" COMMENT "_s + SqlWriter::literal(c.comment);
    return sql;
}

QStringList MysqlRenderer::createTable(const Schema::Table &t)
{
    QString sql = u"CREATE TABLE "_s + w.name(t.name) + u" (\n    "_s
                  + tableParts(t).join(u",\n    "_s) + u"\n)"_s;
    if (!t.engine.isEmpty())
        sql += u" ENGINE="_s + t.engine;
    if (!t.comment.isEmpty())
        sql += u" COMMENT="_s + SqlWriter::literal(t.comment);
    QStringList out{sql};
    for (const Schema::Index &i : t.indexes)
        out << createIndex(t.name, i);
    for (const Schema::Trigger &tr : t.triggers)
        out << w.viewQuery(tr.definition);
    return out;
}

std::optional<Result<QStringList>> MysqlRenderer::constraintStatements(const Schema::Database &state,
                                                                       const Ops::Operation &op) const
{
    using R = std::optional<Result<QStringList>>;
    const QString dropCheck = m_flavor == MysqlFlavor::MariaDB ? u"DROP CONSTRAINT "_s
                                                               : u"DROP CHECK "_s;
    auto unnamed = [](const QString &what, const QString &table) -> R {
        return Result<QStringList>(Error(Error::Kind::Internal,
                                         Tr::tr("Cannot drop an unnamed %1 of '%2'.").arg(what, table)));
    };
    return std::visit(
        Overloaded{
            [&](const Ops::AddUniqueConstraint &o) -> R {
                return QStringList{alterTable(o.table) + u"ADD "_s + w.uniqueClause(o.constraint)};
            },
            [&](const Ops::DropUniqueConstraint &o) -> R {
                const QString n = indexName(o.constraint.name, o.constraint.columns);
                return QStringList{alterTable(o.table) + u"DROP INDEX "_s + w.name(n)};
            },
            [&](const Ops::AddCheckConstraint &o) -> R {
                return QStringList{alterTable(o.table) + u"ADD "_s + w.checkClause(o.constraint)};
            },
            [&](const Ops::DropCheckConstraint &o) -> R {
                if (o.constraint.name.isEmpty())
                    return unnamed(u"check constraint"_s, o.table);
                return QStringList{alterTable(o.table) + dropCheck + w.name(o.constraint.name)};
            },
            [&](const Ops::AddForeignKey &o) -> R { return addForeignKey(state, o); },
            [&](const Ops::DropForeignKey &o) -> R {
                if (o.foreignKey.name.isEmpty())
                    return unnamed(u"foreign key"_s, o.table);
                return dropForeignKey(state, o);
            },
            [&](const Ops::AlterPrimaryKey &o) -> R {
                // One statement: an AUTO_INCREMENT column may never be without a key.
                QStringList parts;
                if (!o.from.isEmpty())
                    parts << u"DROP PRIMARY KEY"_s;
                if (!o.to.isEmpty())
                    parts << u"ADD "_s + w.primaryKeyClause(o.to);
                return QStringList{alterTable(o.table) + parts.join(u", "_s)};
            },
            [](const auto &) -> R { return std::nullopt; },
        },
        op);
}

Result<RenderedStatementList> MysqlRenderer::renderOne(const Schema::Database &state,
                                                       const Ops::Operation &op) const
{
    using R = Result<RenderedStatementList>;
    auto plain = [](const QStringList &sql) -> R { return statements(sql); };
    if (std::optional<Result<QStringList>> constraint = constraintStatements(state, op)) {
        if (!*constraint)
            return constraint->error();
        return plain(**constraint);
    }
    return std::visit(
        Overloaded{
            [&](const Ops::CreateTable &o) { return plain(createTable(o.table)); },
            [&](const Ops::DropTable &o) { return plain({u"DROP TABLE "_s + w.name(o.table.name)}); },
            [&](const Ops::AddColumn &o) {
                return plain({alterTable(o.table) + u"ADD COLUMN "_s + columnDefinition(o.column)});
            },
            [&](const Ops::DropColumn &o) {
                return plain({alterTable(o.table) + u"DROP COLUMN "_s + w.name(o.column.name)});
            },
            [&](const Ops::AlterColumn &o) { return plain({alterColumn(o)}); },
            [&](const Ops::CreateIndex &o) { return plain({createIndex(o.table, o.index)}); },
            [&](const Ops::DropIndex &o) {
                return plain({alterTable(o.table) + u"DROP INDEX "_s + w.name(o.index.name)});
            },
            [&](const Ops::CreateView &o) { return plain({createView(o.view, false)}); },
            [&](const Ops::DropView &o) { return plain({u"DROP VIEW "_s + w.name(o.view.name)}); },
            [&](const Ops::ReplaceView &o) { return plain({createView(o.to, true)}); },
            [&](const Ops::CreateEnum &) -> R { return unsupported(u"CREATE TYPE"_s, dialect()); },
            [&](const Ops::DropEnum &) -> R { return unsupported(u"DROP TYPE"_s, dialect()); },
            [&](const Ops::AddEnumValue &) -> R { return unsupported(u"ALTER TYPE"_s, dialect()); },
            [&](const Ops::DropEnumValue &) -> R { return unsupported(u"ALTER TYPE"_s, dialect()); },
            [&](const Ops::RenameTable &o) {
                return plain({u"RENAME TABLE "_s + w.name(o.from) + u" TO "_s + w.name(o.to)});
            },
            [&](const Ops::RenameColumn &o) {
                return plain({alterTable(o.table) + u"RENAME COLUMN "_s + w.name(o.from) + u" TO "_s
                              + w.name(o.to)});
            },
            [&](const Ops::ExecuteSql &o) -> R {
                return plain(o.sql.trimmed().isEmpty() ? QStringList() : QStringList{o.sql.trimmed()});
            },
            [&](const auto &) -> R { return Error(Error::Kind::Internal, u"Unhandled operation."_s); },
        },
        op);
}

Result<RenderedStatementList> MysqlRenderer::render(const Schema::Database &before,
                                                    const Ops::OperationList &ops) const
{
    return renderEach(dialect(), before, ops, [this](const Schema::Database &state, const Ops::Operation &op) {
        return renderOne(state, op);
    });
}

} // namespace Retort

#include "sqliterenderer.h"

#include "sqlitetablerebuild.h"

#include <engine/core/overloaded.h>
#include <engine/diff/operationapplier.h>
#include <engine/dialect/sqlwriter.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

using Schema::Column;
using Schema::Generated;
using Schema::Identity;

const SqlWriter w(SqlDialect::SQLite);

QString alterTable(const QString &table)
{
    return u"ALTER TABLE "_s + w.name(table) + u' ';
}

// The one column that carries an inline PRIMARY KEY AUTOINCREMENT, or -1.
int autoIncrementKey(const Schema::Table &t)
{
    if (t.primaryKey.columns.size() != 1)
        return -1;
    const int i = t.columnIndex(t.primaryKey.columns.first());
    return i >= 0 && t.columns.at(i).identity == Identity::AutoIncrement ? i : -1;
}

bool isTableOp(const Ops::Operation &op)
{
    return std::holds_alternative<Ops::AddColumn>(op) || std::holds_alternative<Ops::DropColumn>(op)
           || std::holds_alternative<Ops::AlterColumn>(op)
           || std::holds_alternative<Ops::CreateIndex>(op)
           || std::holds_alternative<Ops::DropIndex>(op)
           || std::holds_alternative<Ops::AddUniqueConstraint>(op)
           || std::holds_alternative<Ops::DropUniqueConstraint>(op)
           || std::holds_alternative<Ops::AddCheckConstraint>(op)
           || std::holds_alternative<Ops::DropCheckConstraint>(op)
           || std::holds_alternative<Ops::AddForeignKey>(op)
           || std::holds_alternative<Ops::DropForeignKey>(op)
           || std::holds_alternative<Ops::RenameColumn>(op)
           || std::holds_alternative<Ops::AlterPrimaryKey>(op);
}

QString createView(const Schema::View &v)
{
    return u"CREATE VIEW "_s + w.name(v.name) + u" AS\n"_s + w.viewQuery(v.definition);
}

} // namespace

QString SqliteRenderer::columnDefinition(const Column &c, bool inlineAutoIncrementKey)
{
    QString sql = w.name(c.name);
    const QString type = SqlWriter::typeSql(c.type);
    if (!type.isEmpty())
        sql += u' ' + type;
    if (inlineAutoIncrementKey)
        sql += u" PRIMARY KEY AUTOINCREMENT"_s;
    if (!c.collation.isEmpty())
        sql += u" COLLATE "_s + w.collation(c.collation);
    if (!c.nullable)
        sql += u" NOT NULL"_s;
    if (c.defaultExpression && c.generated == Generated::None)
        sql += u" DEFAULT "_s + w.defaultSql(*c.defaultExpression);
    if (c.generated != Generated::None) {
        sql += u" GENERATED ALWAYS AS ("_s + c.generationExpression.trimmed() + u')'
               + (c.generated == Generated::Stored ? u" STORED"_s : u" VIRTUAL"_s);
    }
    return sql;
}

QString SqliteRenderer::createTableStatement(const Schema::Table &t, const QString &name)
{
    const int inlineKey = autoIncrementKey(t);
    QStringList parts;
    for (int i = 0; i < t.columns.size(); ++i)
        parts << columnDefinition(t.columns.at(i), i == inlineKey);
    if (!t.primaryKey.isEmpty() && inlineKey < 0)
        parts << w.primaryKeyClause(t.primaryKey);
    for (const Schema::UniqueConstraint &u : t.uniqueConstraints)
        parts << w.uniqueClause(u);
    for (const Schema::CheckConstraint &c : t.checkConstraints)
        parts << w.checkClause(c);
    for (const Schema::ForeignKey &fk : t.foreignKeys)
        parts << w.foreignKeyClause(fk);
    QString sql = u"CREATE TABLE "_s + w.name(name.isEmpty() ? t.name : name) + u" (\n    "_s
                  + parts.join(u",\n    "_s) + u"\n)"_s;
    QStringList options;
    if (t.withoutRowid)
        options << u"WITHOUT ROWID"_s;
    if (t.strict)
        options << u"STRICT"_s;
    if (!options.isEmpty())
        sql += u' ' + options.join(u", "_s);
    return sql;
}

QString SqliteRenderer::createIndex(const QString &table, const Schema::Index &index)
{
    return w.createIndex(table, index);
}

QStringList SqliteRenderer::createTable(const Schema::Table &t)
{
    QStringList out{createTableStatement(t)};
    for (const Schema::Index &i : t.indexes)
        out << createIndex(t.name, i);
    for (const Schema::Trigger &tr : t.triggers)
        out << w.viewQuery(tr.definition);
    return out;
}

Result<RenderedStatementList> SqliteRenderer::renderOne(const Schema::Database &,
                                                        const Ops::Operation &op) const
{
    using R = Result<RenderedStatementList>;
    auto plain = [](const QStringList &sql) -> R { return statements(sql); };
    return std::visit(
        Overloaded{
            [&](const Ops::CreateTable &o) { return plain(createTable(o.table)); },
            [&](const Ops::DropTable &o) { return plain({u"DROP TABLE "_s + w.name(o.table.name)}); },
            [&](const Ops::AddColumn &o) {
                return plain({alterTable(o.table) + u"ADD COLUMN "_s + columnDefinition(o.column, false)});
            },
            [&](const Ops::DropColumn &o) {
                return plain({alterTable(o.table) + u"DROP COLUMN "_s + w.name(o.column.name)});
            },
            [&](const Ops::CreateIndex &o) { return plain({createIndex(o.table, o.index)}); },
            [&](const Ops::DropIndex &o) { return plain({u"DROP INDEX "_s + w.name(o.index.name)}); },
            [&](const Ops::CreateView &o) { return plain({createView(o.view)}); },
            [&](const Ops::DropView &o) { return plain({u"DROP VIEW "_s + w.name(o.view.name)}); },
            [&](const Ops::ReplaceView &o) {
                return plain({u"DROP VIEW "_s + w.name(o.from.name), createView(o.to)});
            },
            [&](const Ops::CreateEnum &) -> R { return unsupported(u"CREATE TYPE"_s, dialect()); },
            [&](const Ops::DropEnum &) -> R { return unsupported(u"DROP TYPE"_s, dialect()); },
            [&](const Ops::AddEnumValue &) -> R { return unsupported(u"ALTER TYPE"_s, dialect()); },
            [&](const Ops::DropEnumValue &) -> R { return unsupported(u"ALTER TYPE"_s, dialect()); },
            [&](const Ops::RenameTable &o) {
                return plain({alterTable(o.from) + u"RENAME TO "_s + w.name(o.to)});
            },
            [&](const Ops::RenameColumn &o) {
                return plain({alterTable(o.table) + u"RENAME COLUMN "_s + w.name(o.from) + u" TO "_s
                              + w.name(o.to)});
            },
            [&](const Ops::ExecuteSql &o) -> R {
                return plain(o.sql.trimmed().isEmpty() ? QStringList() : QStringList{o.sql.trimmed()});
            },
            // Changes ALTER TABLE cannot make: render() rebuilds the table before getting here.
            [&](const auto &) -> R {
                return Error(Error::Kind::Internal, u"SQLite needs a table rebuild here."_s);
            },
        },
        op);
}

Result<RenderedStatementList> SqliteRenderer::render(const Schema::Database &before,
                                                     const Ops::OperationList &operations) const
{
    Schema::Database state = before;
    Ops::OperationList ops = operations;
    if (state.dialect != dialect())
        useNormalizedTypes(state, ops);
    RenderedStatementList out;
    int i = 0;
    while (i < ops.size()) {
        const QString table = Ops::tableName(ops.at(i));
        int end = i + 1;
        if (isTableOp(ops.at(i))) {
            while (end < ops.size() && isTableOp(ops.at(end))
                   && Ops::tableName(ops.at(end)).compare(table, Qt::CaseInsensitive) == 0) {
                ++end;
            }
        }
        // One rebuild for the whole run of operations on this table, if any of them needs one.
        Schema::Database after = state;
        bool rebuild = false;
        for (int k = i; k < end; ++k) {
            rebuild = rebuild || SqliteTableRebuild::isNeeded(after, ops.at(k));
            if (Result<void> applied = Ops::OperationApplier::apply(after, ops.at(k)); !applied)
                return applied.error();
        }
        if (rebuild) {
            for (RenderedStatement s : SqliteTableRebuild::render(state, ops.mid(i, end - i), after, table)) {
                s.operationIndex = i;
                s.operationCount = end - i;
                out.append(s);
            }
            state = after;
            i = end;
            continue;
        }
        for (; i < end; ++i) {
            Result<RenderedStatementList> one = renderOne(state, ops.at(i));
            if (!one)
                return one.error().withContext(Ops::describe(ops.at(i)).section(u'\n', 0, 0));
            for (RenderedStatement &s : *one) {
                s.operationIndex = i;
                out.append(s);
            }
            if (Result<void> applied = Ops::OperationApplier::apply(state, ops.at(i)); !applied)
                return applied.error();
        }
    }
    return out;
}

} // namespace Retort

#include "postgresrenderer.h"

#include "postgrescolumnchange.h"

#include <engine/core/overloaded.h>
#include <engine/dialect/sqlwriter.h>

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

const SqlWriter w(SqlDialect::PostgreSQL);

QString alterTable(const QString &table)
{
    return u"ALTER TABLE "_s + w.name(table) + u' ';
}

QString enumValues(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted << SqlWriter::literal(v);
    return u'(' + quoted.join(u", "_s) + u')';
}

QString fallbackName(const QString &table, const QStringList &columns, const QString &suffix)
{
    return table + u'_' + columns.join(u'_') + u'_' + suffix;
}

QString constraintName(const QString &table, const QString &name, const QStringList &columns,
                       const QString &suffix)
{
    return name.isEmpty() ? fallbackName(table, columns, suffix) : name;
}

QString viewKind(const Schema::View &v)
{
    return v.materialized ? u"MATERIALIZED VIEW "_s : u"VIEW "_s;
}

QString createView(const Schema::View &v, bool orReplace)
{
    return (orReplace ? u"CREATE OR REPLACE "_s : u"CREATE "_s) + viewKind(v) + w.name(v.name)
           + u" AS\n"_s + w.viewQuery(v.definition);
}

// The top-level output expressions of a SELECT, lower-cased; empty when not found.
QStringList selectList(const QString &definition)
{
    const QString q = definition.simplified().toLower();
    QStringList items;
    QString current;
    int depth = 0;
    qsizetype start = q.startsWith(u"select "_s) ? 7 : -1;
    for (qsizetype i = start; start >= 0 && i < q.size(); ++i) {
        const QChar c = q.at(i);
        depth += c == u'(' ? 1 : c == u')' ? -1 : 0;
        if (depth == 0 && (c == u',' || q.mid(i, 6) == u" from "_s)) {
            items << current.trimmed();
            current.clear();
            if (c != u',')
                return items;
            continue;
        }
        current += c;
    }
    return start >= 0 && !current.trimmed().isEmpty() ? items << current.trimmed() : QStringList();
}

// CREATE OR REPLACE VIEW may only append output columns; anything else drops and recreates.
bool canReplace(const Schema::View &from, const Schema::View &to)
{
    const QStringList old = selectList(from.definition);
    const QStringList now = selectList(to.definition);
    return !old.isEmpty() && now.size() >= old.size() && now.mid(0, old.size()) == old;
}

QStringList replaceView(const Ops::ReplaceView &o)
{
    if (!o.from.materialized && !o.to.materialized && canReplace(o.from, o.to))
        return {createView(o.to, true)};
    return {u"DROP "_s + viewKind(o.from) + w.name(o.from.name), createView(o.to, false)};
}

bool mentions(const QString &sql, const QString &name)
{
    const QRegularExpression re(u"(?<![A-Za-z0-9_$])"_s + QRegularExpression::escape(name)
                                    + u"(?![A-Za-z0-9_$])"_s,
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(sql).hasMatch();
}

// Views that read `table`, directly or through other such views, in an order that creates
// each after the views it reads.
QList<Schema::View> dependentViews(const Schema::Database &state, const QString &table)
{
    QStringList names{table};
    QList<Schema::View> found;
    for (bool grew = true; grew;) {
        grew = false;
        for (const Schema::View &v : state.views) {
            if (names.contains(v.name))
                continue;
            if (std::any_of(names.begin(), names.end(),
                            [&](const QString &n) { return mentions(v.definition, n); })) {
                names << v.name;
                found << v;
                grew = true;
            }
        }
    }
    // Creation order: a view after every found view its query names.
    QList<Schema::View> ordered;
    while (!found.isEmpty()) {
        qsizetype next = 0;
        for (qsizetype i = 0; i < found.size(); ++i) {
            const bool ready = std::none_of(found.begin(), found.end(), [&](const Schema::View &o) {
                return o.name != found.at(i).name && mentions(found.at(i).definition, o.name);
            });
            if (ready) {
                next = i;
                break;
            }
        }
        ordered << found.takeAt(next);
    }
    return ordered;
}

// PostgreSQL cannot change the type of a column that a view reads: drop those views first
// and create them again afterwards.
QStringList aroundDependentViews(const Schema::Database &state, const Ops::AlterColumn &a,
                                 const QStringList &statements)
{
    if (!a.typeChanged && !a.collationChanged)
        return statements;
    const QList<Schema::View> views = dependentViews(state, a.table);
    QStringList out;
    for (auto it = views.crbegin(); it != views.crend(); ++it)
        out << u"DROP "_s + viewKind(*it) + w.name(it->name);
    out += statements;
    for (const Schema::View &v : views)
        out << createView(v, false);
    return out;
}

RenderedStatementList addEnumValue(const Ops::AddEnumValue &o)
{
    QString sql = u"ALTER TYPE "_s + w.name(o.from.name) + u" ADD VALUE "_s + SqlWriter::literal(o.value);
    if (!o.before().isEmpty())
        sql += u" BEFORE "_s + SqlWriter::literal(o.before());
    RenderedStatement s{sql};
    s.outsideTransaction = true;
    s.note = u"ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12; "
             "from 12 on it can, but the new value cannot be used until the transaction commits."_s;
    return {s};
}

QStringList tableConstraints(const Schema::Table &t)
{
    QStringList parts;
    if (!t.primaryKey.isEmpty())
        parts << w.primaryKeyClause(t.primaryKey);
    for (const Schema::UniqueConstraint &u : t.uniqueConstraints)
        parts << w.uniqueClause(u);
    for (const Schema::CheckConstraint &c : t.checkConstraints)
        parts << w.checkClause(c);
    for (const Schema::ForeignKey &fk : t.foreignKeys)
        parts << w.foreignKeyClause(fk);
    return parts;
}

QStringList commentStatements(const Schema::Table &t)
{
    QStringList out;
    if (!t.comment.isEmpty())
        out << u"COMMENT ON TABLE "_s + w.name(t.name) + u" IS "_s + SqlWriter::literal(t.comment);
    for (const Schema::Column &c : t.columns) {
        if (!c.comment.isEmpty()) {
            out << u"COMMENT ON COLUMN "_s + w.name(t.name) + u'.' + w.name(c.name) + u" IS "_s
                       + SqlWriter::literal(c.comment);
        }
    }
    return out;
}

QStringList addColumn(const Ops::AddColumn &o)
{
    QStringList out{alterTable(o.table) + u"ADD COLUMN "_s
                    + PostgresRenderer::columnDefinition(o.column)};
    if (!o.column.comment.isEmpty()) {
        out << u"COMMENT ON COLUMN "_s + w.name(o.table) + u'.' + w.name(o.column.name) + u" IS "_s
                   + SqlWriter::literal(o.column.comment);
    }
    return out;
}

QString dropConstraint(const QString &table, const QString &name)
{
    return alterTable(table) + u"DROP CONSTRAINT "_s + w.name(name);
}

// Unique, check and foreign-key constraints; nullopt for other operations.
std::optional<QStringList> constraintStatements(const Ops::Operation &op)
{
    return std::visit(
        Overloaded{
            [](const Ops::AddUniqueConstraint &o) -> std::optional<QStringList> {
                return QStringList{alterTable(o.table) + u"ADD "_s + w.uniqueClause(o.constraint)};
            },
            [](const Ops::DropUniqueConstraint &o) -> std::optional<QStringList> {
                return QStringList{dropConstraint(o.table, constraintName(o.table, o.constraint.name,
                                                                          o.constraint.columns, u"key"_s))};
            },
            [](const Ops::AddCheckConstraint &o) -> std::optional<QStringList> {
                return QStringList{alterTable(o.table) + u"ADD "_s + w.checkClause(o.constraint)};
            },
            [](const Ops::DropCheckConstraint &o) -> std::optional<QStringList> {
                return QStringList{dropConstraint(o.table, constraintName(o.table, o.constraint.name,
                                                                          {}, u"check"_s))};
            },
            [](const Ops::AddForeignKey &o) -> std::optional<QStringList> {
                return QStringList{alterTable(o.table) + u"ADD "_s + w.foreignKeyClause(o.foreignKey)};
            },
            [](const Ops::DropForeignKey &o) -> std::optional<QStringList> {
                return QStringList{dropConstraint(o.table, constraintName(o.table, o.foreignKey.name,
                                                                          o.foreignKey.columns, u"fkey"_s))};
            },
            [](const Ops::AlterPrimaryKey &o) -> std::optional<QStringList> {
                QStringList out;
                if (!o.from.isEmpty())
                    out << dropConstraint(o.table, o.from.name.isEmpty() ? o.table + u"_pkey"_s : o.from.name);
                if (!o.to.isEmpty())
                    out << alterTable(o.table) + u"ADD "_s + w.primaryKeyClause(o.to);
                return out;
            },
            [](const auto &) -> std::optional<QStringList> { return std::nullopt; },
        },
        op);
}

Result<RenderedStatementList> renderOne(const Schema::Database &state, const Ops::Operation &op)
{
    using R = Result<RenderedStatementList>;
    auto plain = [](const QStringList &sql) -> R {
        RenderedStatementList out;
        for (const QString &s : sql)
            out.append(RenderedStatement{s});
        return out;
    };
    if (const std::optional<QStringList> constraint = constraintStatements(op))
        return plain(*constraint);
    return std::visit(
        Overloaded{
            [&](const Ops::CreateTable &o) { return plain(PostgresRenderer::createTable(o.table)); },
            [&](const Ops::DropTable &o) { return plain({u"DROP TABLE "_s + w.name(o.table.name)}); },
            [&](const Ops::AddColumn &o) { return plain(addColumn(o)); },
            [&](const Ops::DropColumn &o) {
                return plain({alterTable(o.table) + u"DROP COLUMN "_s + w.name(o.column.name)});
            },
            [&](const Ops::AlterColumn &o) {
                return plain(aroundDependentViews(state, o, PostgresColumnChange::render(o)));
            },
            [&](const Ops::CreateIndex &o) { return plain({w.createIndex(o.table, o.index)}); },
            [&](const Ops::DropIndex &o) { return plain({u"DROP INDEX "_s + w.name(o.index.name)}); },
            [&](const Ops::CreateView &o) { return plain({createView(o.view, false)}); },
            [&](const Ops::DropView &o) {
                return plain({u"DROP "_s + viewKind(o.view) + w.name(o.view.name)});
            },
            [&](const Ops::ReplaceView &o) { return plain(replaceView(o)); },
            [&](const Ops::CreateEnum &o) {
                return plain({u"CREATE TYPE "_s + w.name(o.enumType.name) + u" AS ENUM "_s
                              + enumValues(o.enumType.values)});
            },
            [&](const Ops::DropEnum &o) { return plain({u"DROP TYPE "_s + w.name(o.enumType.name)}); },
            [&](const Ops::AddEnumValue &o) -> R { return addEnumValue(o); },
            [&](const Ops::DropEnumValue &o) {
                return plain(PostgresColumnChange::dropEnumValue(state, o));
            },
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
            [&](const auto &) -> R { return Error(Error::Kind::Internal, u"Unhandled operation."_s); },
        },
        op);
}

} // namespace

QString PostgresRenderer::columnDefinition(const Schema::Column &c)
{
    return w.name(c.name) + u' ' + PostgresColumnChange::columnBody(c);
}

QStringList PostgresRenderer::createTable(const Schema::Table &t)
{
    QStringList parts;
    for (const Schema::Column &c : t.columns)
        parts << columnDefinition(c);
    parts += tableConstraints(t);
    QStringList out{u"CREATE TABLE "_s + w.name(t.name) + u" (\n    "_s + parts.join(u",\n    "_s)
                    + u"\n)"_s};
    for (const Schema::Index &i : t.indexes)
        out << w.createIndex(t.name, i);
    out += commentStatements(t);
    for (const Schema::Trigger &tr : t.triggers)
        out << w.viewQuery(tr.definition);
    return out;
}

Result<RenderedStatementList> PostgresRenderer::render(const Schema::Database &before,
                                                       const Ops::OperationList &ops) const
{
    return renderEach(dialect(), before, ops, renderOne);
}

} // namespace Retort

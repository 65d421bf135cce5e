#include "operation.h"

#include "typewidth.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

namespace {

template<class... Fs>
struct Overloaded : Fs...
{
    using Fs::operator()...;
};
template<class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

QString q(const QString &s)
{
    return u'\'' + s + u'\'';
}

QString colRef(const QString &table, const QString &column)
{
    return q(table + u'.' + column);
}

QString typeText(const Schema::ColumnType &t)
{
    return t.normalized.isEmpty() ? t.raw : t.normalized;
}

QStringList alterLines(const AlterColumn &a)
{
    QStringList lines;
    const QString ref = colRef(a.table, a.to.name);
    if (a.typeChanged)
        lines << u"Detected type change from %1 to %2 on %3"_s.arg(typeText(a.from.type),
                                                                   typeText(a.to.type), ref);
    if (a.nullableChanged)
        lines << u"Detected %1 on column %2"_s.arg(a.to.nullable ? u"NULL"_s : u"NOT NULL"_s, ref);
    if (a.defaultChanged)
        lines << (a.to.defaultExpression ? u"Detected server default on column %1"_s.arg(ref)
                                         : u"Detected removed server default on column %1"_s.arg(ref));
    if (a.collationChanged)
        lines << u"Detected collation change from %1 to %2 on %3"_s.arg(
            a.from.collation.isEmpty() ? u"default"_s : a.from.collation,
            a.to.collation.isEmpty() ? u"default"_s : a.to.collation, ref);
    if (a.identityChanged)
        lines << u"Detected identity change from %1 to %2 on %3"_s.arg(
            Schema::identityName(a.from.identity), Schema::identityName(a.to.identity), ref);
    if (a.generatedChanged)
        lines << u"Detected generated column change on %1"_s.arg(ref);
    if (lines.isEmpty())
        lines << u"Detected changed column %1"_s.arg(ref);
    return lines;
}

QString columnsText(const QStringList &columns)
{
    return q(u'(' + columns.join(u", "_s) + u')');
}

QString fkText(const Schema::ForeignKey &fk)
{
    QStringList targets;
    for (const QString &c : fk.referencedColumns)
        targets << fk.referencedTable + u'.' + c;
    return u"(%1)(%2)"_s.arg(fk.columns.join(u", "_s), targets.join(u", "_s));
}

QString uniqueWhat(const Schema::UniqueConstraint &u)
{
    if (u.name.isEmpty())
        return u"unique constraint"_s;
    return u"unique constraint "_s + q(u.name);
}

QString checkWhat(const Schema::CheckConstraint &c)
{
    if (c.name.isEmpty())
        return u"check constraint ("_s + c.expression + u')';
    return u"check constraint "_s + q(c.name);
}

Schema::EnumType withValue(Schema::EnumType e, const QString &value, int position)
{
    e.values.insert(std::clamp(position, 0, int(e.values.size())), value);
    return e;
}

Schema::EnumType withoutValue(Schema::EnumType e, const QString &value)
{
    e.values.removeOne(value);
    return e;
}

} // namespace

QString AddEnumValue::before() const
{
    return position < from.values.size() ? from.values.at(position) : QString();
}

QString AddEnumValue::after() const
{
    return position > 0 && position <= from.values.size() ? from.values.at(position - 1) : QString();
}

Operation reverse(const Operation &op)
{
    return std::visit(
        Overloaded{
            [](const CreateTable &o) -> Operation { return DropTable{o.table}; },
            [](const DropTable &o) -> Operation { return CreateTable{o.table}; },
            [](const AddColumn &o) -> Operation { return DropColumn{o.table, o.column}; },
            [](const DropColumn &o) -> Operation { return AddColumn{o.table, o.column}; },
            [](const AlterColumn &o) -> Operation {
                AlterColumn r = o;
                std::swap(r.from, r.to);
                return r;
            },
            [](const CreateIndex &o) -> Operation { return DropIndex{o.table, o.index}; },
            [](const DropIndex &o) -> Operation { return CreateIndex{o.table, o.index}; },
            [](const AddUniqueConstraint &o) -> Operation {
                return DropUniqueConstraint{o.table, o.constraint};
            },
            [](const DropUniqueConstraint &o) -> Operation {
                return AddUniqueConstraint{o.table, o.constraint};
            },
            [](const AddCheckConstraint &o) -> Operation {
                return DropCheckConstraint{o.table, o.constraint};
            },
            [](const DropCheckConstraint &o) -> Operation {
                return AddCheckConstraint{o.table, o.constraint};
            },
            [](const AddForeignKey &o) -> Operation { return DropForeignKey{o.table, o.foreignKey}; },
            [](const DropForeignKey &o) -> Operation { return AddForeignKey{o.table, o.foreignKey}; },
            [](const CreateView &o) -> Operation { return DropView{o.view}; },
            [](const DropView &o) -> Operation { return CreateView{o.view}; },
            [](const ReplaceView &o) -> Operation { return ReplaceView{o.to, o.from}; },
            [](const CreateEnum &o) -> Operation { return DropEnum{o.enumType}; },
            [](const DropEnum &o) -> Operation { return CreateEnum{o.enumType}; },
            [](const AddEnumValue &o) -> Operation {
                return DropEnumValue{withValue(o.from, o.value, o.position), o.value};
            },
            [](const DropEnumValue &o) -> Operation {
                return AddEnumValue{withoutValue(o.from, o.value), o.value,
                                    int(o.from.values.indexOf(o.value))};
            },
            [](const RenameTable &o) -> Operation { return RenameTable{o.to, o.from}; },
            [](const RenameColumn &o) -> Operation { return RenameColumn{o.table, o.to, o.from}; },
            [](const ExecuteSql &o) -> Operation { return ExecuteSql{o.reverseSql, o.sql}; },
        },
        op);
}

OperationList reverse(const OperationList &ops)
{
    OperationList reversed;
    reversed.reserve(ops.size());
    for (auto it = ops.crbegin(); it != ops.crend(); ++it)
        reversed.append(reverse(*it));
    return reversed;
}

bool isNarrowingTypeChange(const QString &fromNormalized, const QString &toNormalized)
{
    return TypeWidth::isNarrowing(fromNormalized, toNormalized);
}

bool isDestructive(const Operation &op)
{
    return std::visit(
        Overloaded{
            [](const DropTable &) { return true; },
            [](const DropColumn &) { return true; },
            [](const DropEnum &) { return true; },
            [](const DropEnumValue &) { return true; },
            [](const AlterColumn &o) {
                return o.typeChanged
                       && isNarrowingTypeChange(typeText(o.from.type), typeText(o.to.type));
            },
            [](const auto &) { return false; },
        },
        op);
}

QString describe(const Operation &op)
{
    return std::visit(
        Overloaded{
            [](const CreateTable &o) { return u"Detected added table %1"_s.arg(q(o.table.name)); },
            [](const DropTable &o) { return u"Detected removed table %1"_s.arg(q(o.table.name)); },
            [](const AddColumn &o) {
                return u"Detected added column %1"_s.arg(colRef(o.table, o.column.name));
            },
            [](const DropColumn &o) {
                return u"Detected removed column %1"_s.arg(colRef(o.table, o.column.name));
            },
            [](const AlterColumn &o) { return alterLines(o).join(u'\n'); },
            [](const CreateIndex &o) {
                return u"Detected added index %1 on %2"_s.arg(q(o.index.name),
                                                              columnsText(o.index.columnNames()));
            },
            [](const DropIndex &o) {
                return u"Detected removed index %1 on %2"_s.arg(q(o.index.name), q(o.table));
            },
            [](const AddUniqueConstraint &o) {
                return u"Detected added %1 on %2 of %3"_s.arg(uniqueWhat(o.constraint),
                                                              columnsText(o.constraint.columns),
                                                              q(o.table));
            },
            [](const DropUniqueConstraint &o) {
                return u"Detected removed %1 on %2 of %3"_s.arg(uniqueWhat(o.constraint),
                                                                columnsText(o.constraint.columns),
                                                                q(o.table));
            },
            [](const AddCheckConstraint &o) {
                return u"Detected added %1 on %2"_s.arg(checkWhat(o.constraint), q(o.table));
            },
            [](const DropCheckConstraint &o) {
                return u"Detected removed %1 on %2"_s.arg(checkWhat(o.constraint), q(o.table));
            },
            [](const AddForeignKey &o) {
                return u"Detected added foreign key %1 on table %2"_s.arg(fkText(o.foreignKey),
                                                                          q(o.table));
            },
            [](const DropForeignKey &o) {
                return u"Detected removed foreign key %1 on table %2"_s.arg(fkText(o.foreignKey),
                                                                            q(o.table));
            },
            [](const CreateView &o) { return u"Detected added view %1"_s.arg(q(o.view.name)); },
            [](const DropView &o) { return u"Detected removed view %1"_s.arg(q(o.view.name)); },
            [](const ReplaceView &o) { return u"Detected changed view %1"_s.arg(q(o.to.name)); },
            [](const CreateEnum &o) { return u"Detected added enum %1"_s.arg(q(o.enumType.name)); },
            [](const DropEnum &o) { return u"Detected removed enum %1"_s.arg(q(o.enumType.name)); },
            [](const AddEnumValue &o) {
                return u"Detected added value %1 to enum %2"_s.arg(q(o.value), q(o.from.name));
            },
            [](const DropEnumValue &o) {
                return u"Detected removed value %1 from enum %2"_s.arg(q(o.value), q(o.from.name));
            },
            [](const RenameTable &o) {
                return u"Detected renamed table %1 to %2"_s.arg(q(o.from), q(o.to));
            },
            [](const RenameColumn &o) {
                return u"Detected renamed column %1 to %2"_s.arg(colRef(o.table, o.from),
                                                                colRef(o.table, o.to));
            },
            [](const ExecuteSql &o) {
                return u"Execute SQL: %1"_s.arg(o.sql.simplified().left(60));
            },
        },
        op);
}

QString tableName(const Operation &op)
{
    return std::visit(
        Overloaded{
            [](const CreateTable &o) { return o.table.name; },
            [](const DropTable &o) { return o.table.name; },
            [](const RenameTable &o) { return o.from; },
            [](const CreateView &) { return QString(); },
            [](const DropView &) { return QString(); },
            [](const ReplaceView &) { return QString(); },
            [](const CreateEnum &) { return QString(); },
            [](const DropEnum &) { return QString(); },
            [](const AddEnumValue &) { return QString(); },
            [](const DropEnumValue &) { return QString(); },
            [](const ExecuteSql &) { return QString(); },
            [](const auto &o) { return o.table; },
        },
        op);
}

} // namespace Retort::Ops

#include "operation.h"

#include "typewidth.h"

#include <engine/core/overloaded.h>

#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

namespace {

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
        lines << u"Detected type change from %1 to %2 on %3"_s.arg(
            typeText(a.from.type), typeText(a.to.type), ref);
    if (a.nullableChanged)
        lines << u"Detected %1 on column %2"_s.arg(a.to.nullable ? u"NULL"_s : u"NOT NULL"_s, ref);
    if (a.defaultChanged)
        lines << (a.to.defaultExpression
                      ? u"Detected server default on column %1"_s.arg(ref)
                      : u"Detected removed server default on column %1"_s.arg(ref));
    if (a.collationChanged)
        lines << u"Detected collation change from %1 to %2 on %3"_s.arg(
            a.from.collation.isEmpty() ? u"default"_s : a.from.collation,
            a.to.collation.isEmpty() ? u"default"_s : a.to.collation,
            ref);
    if (a.identityChanged)
        lines << u"Detected identity change from %1 to %2 on %3"_s.arg(
            Schema::identityName(a.from.identity), Schema::identityName(a.to.identity), ref);
    if (a.generatedChanged)
        lines << u"Detected generated column change on %1"_s.arg(ref);
    if (a.onUpdateChanged)
        lines << u"Detected ON UPDATE change on %1"_s.arg(ref);
    if (a.commentChanged)
        lines << u"Detected column comment %1"_s.arg(ref);
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
    return position > 0 && position <= from.values.size() ? from.values.at(position - 1)
                                                          : QString();
}

namespace {

Operation reverseOne(const CreateTable &o)
{
    return DropTable{o.table};
}
Operation reverseOne(const DropTable &o)
{
    return CreateTable{o.table};
}
Operation reverseOne(const AddColumn &o)
{
    return DropColumn{o.table, o.column};
}
Operation reverseOne(const DropColumn &o)
{
    return AddColumn{o.table, o.column};
}
Operation reverseOne(const AlterColumn &o)
{
    AlterColumn r = o;
    std::swap(r.from, r.to);
    return r;
}
Operation reverseOne(const CreateIndex &o)
{
    return DropIndex{o.table, o.index};
}
Operation reverseOne(const DropIndex &o)
{
    return CreateIndex{o.table, o.index};
}
Operation reverseOne(const AddUniqueConstraint &o)
{
    return DropUniqueConstraint{o.table, o.constraint};
}
Operation reverseOne(const DropUniqueConstraint &o)
{
    return AddUniqueConstraint{o.table, o.constraint};
}
Operation reverseOne(const AddCheckConstraint &o)
{
    return DropCheckConstraint{o.table, o.constraint};
}
Operation reverseOne(const DropCheckConstraint &o)
{
    return AddCheckConstraint{o.table, o.constraint};
}
Operation reverseOne(const AddForeignKey &o)
{
    return DropForeignKey{o.table, o.foreignKey};
}
Operation reverseOne(const DropForeignKey &o)
{
    return AddForeignKey{o.table, o.foreignKey};
}
Operation reverseOne(const CreateView &o)
{
    return DropView{o.view};
}
Operation reverseOne(const DropView &o)
{
    return CreateView{o.view};
}
Operation reverseOne(const ReplaceView &o)
{
    return ReplaceView{o.to, o.from};
}
Operation reverseOne(const CreateEnum &o)
{
    return DropEnum{o.enumType};
}
Operation reverseOne(const DropEnum &o)
{
    return CreateEnum{o.enumType};
}
Operation reverseOne(const AddEnumValue &o)
{
    return DropEnumValue{withValue(o.from, o.value, o.position), o.value};
}
Operation reverseOne(const DropEnumValue &o)
{
    return AddEnumValue{
        withoutValue(o.from, o.value), o.value, int(o.from.values.indexOf(o.value))};
}
Operation reverseOne(const RenameTable &o)
{
    return RenameTable{o.to, o.from};
}
Operation reverseOne(const RenameColumn &o)
{
    return RenameColumn{o.table, o.to, o.from};
}
Operation reverseOne(const AlterPrimaryKey &o)
{
    return AlterPrimaryKey{o.table, o.to, o.from};
}
Operation reverseOne(const ExecuteSql &o)
{
    return ExecuteSql{o.reverseSql, o.sql};
}

} // namespace

Operation reverse(const Operation &op)
{
    return std::visit([](const auto &o) { return reverseOne(o); }, op);
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
    return std::visit(Overloaded{
                          [](const DropTable &) { return true; },
                          [](const DropColumn &) { return true; },
                          [](const DropEnum &) { return true; },
                          [](const DropEnumValue &) { return true; },
                          [](const AlterColumn &o) {
                              return o.typeChanged
                                     && isNarrowingTypeChange(typeText(o.from.type),
                                                              typeText(o.to.type));
                          },
                          [](const auto &) { return false; },
                      },
                      op);
}

namespace {

QString describeOne(const CreateTable &o)
{
    return u"Detected added table %1"_s.arg(q(o.table.name));
}
QString describeOne(const DropTable &o)
{
    return u"Detected removed table %1"_s.arg(q(o.table.name));
}
QString describeOne(const AddColumn &o)
{
    return u"Detected added column %1"_s.arg(colRef(o.table, o.column.name));
}
QString describeOne(const DropColumn &o)
{
    return u"Detected removed column %1"_s.arg(colRef(o.table, o.column.name));
}
QString describeOne(const AlterColumn &o)
{
    return alterLines(o).join(u'\n');
}
QString describeOne(const CreateIndex &o)
{
    return u"Detected added index %1 on %2"_s.arg(q(o.index.name),
                                                  columnsText(o.index.columnNames()));
}
QString describeOne(const DropIndex &o)
{
    return u"Detected removed index %1 on %2"_s.arg(q(o.index.name), q(o.table));
}
QString describeOne(const AddUniqueConstraint &o)
{
    return u"Detected added %1 on %2 of %3"_s.arg(
        uniqueWhat(o.constraint), columnsText(o.constraint.columns), q(o.table));
}
QString describeOne(const DropUniqueConstraint &o)
{
    return u"Detected removed %1 on %2 of %3"_s.arg(
        uniqueWhat(o.constraint), columnsText(o.constraint.columns), q(o.table));
}
QString describeOne(const AddCheckConstraint &o)
{
    return u"Detected added %1 on %2"_s.arg(checkWhat(o.constraint), q(o.table));
}
QString describeOne(const DropCheckConstraint &o)
{
    return u"Detected removed %1 on %2"_s.arg(checkWhat(o.constraint), q(o.table));
}
QString describeOne(const AddForeignKey &o)
{
    return u"Detected added foreign key %1 on table %2"_s.arg(fkText(o.foreignKey), q(o.table));
}
QString describeOne(const DropForeignKey &o)
{
    return u"Detected removed foreign key %1 on table %2"_s.arg(fkText(o.foreignKey), q(o.table));
}
QString describeOne(const CreateView &o)
{
    return u"Detected added view %1"_s.arg(q(o.view.name));
}
QString describeOne(const DropView &o)
{
    return u"Detected removed view %1"_s.arg(q(o.view.name));
}
QString describeOne(const ReplaceView &o)
{
    return u"Detected changed view %1"_s.arg(q(o.to.name));
}
QString describeOne(const CreateEnum &o)
{
    return u"Detected added enum %1"_s.arg(q(o.enumType.name));
}
QString describeOne(const DropEnum &o)
{
    return u"Detected removed enum %1"_s.arg(q(o.enumType.name));
}
QString describeOne(const AddEnumValue &o)
{
    return u"Detected added value %1 to enum %2"_s.arg(q(o.value), q(o.from.name));
}
QString describeOne(const DropEnumValue &o)
{
    return u"Detected removed value %1 from enum %2"_s.arg(q(o.value), q(o.from.name));
}
QString describeOne(const RenameTable &o)
{
    return u"Detected renamed table %1 to %2"_s.arg(q(o.from), q(o.to));
}
QString describeOne(const RenameColumn &o)
{
    return u"Detected renamed column %1 to %2"_s.arg(colRef(o.table, o.from),
                                                     colRef(o.table, o.to));
}
QString describeOne(const AlterPrimaryKey &o)
{
    if (o.from.isEmpty())
        return u"Detected added primary key %1 on %2"_s.arg(columnsText(o.to.columns), q(o.table));
    if (o.to.isEmpty())
        return u"Detected removed primary key %1 on %2"_s.arg(columnsText(o.from.columns),
                                                              q(o.table));
    return u"Detected changed primary key from %1 to %2 on %3"_s.arg(
        columnsText(o.from.columns), columnsText(o.to.columns), q(o.table));
}
QString describeOne(const ExecuteSql &o)
{
    return u"Execute SQL: %1"_s.arg(o.sql.simplified().left(60));
}

} // namespace

QString describe(const Operation &op)
{
    return std::visit([](const auto &o) { return describeOne(o); }, op);
}

QString tableName(const Operation &op)
{
    return std::visit(Overloaded{
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

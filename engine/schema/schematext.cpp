#include "schematext.h"

#include "database.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Schema {

namespace {

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    quoted.reserve(names.size());
    for (const QString &n : names)
        quoted.append(SchemaText::quote(n));
    return u'(' + quoted.join(u", "_s) + u')';
}

QString namePart(const QString &name)
{
    return name.isEmpty() ? QString() : SchemaText::quote(name) + u' ';
}

QString indexLine(const Index &index)
{
    QStringList parts;
    for (const IndexColumn &c : index.columns) {
        QString part = c.isExpression() ? u'(' + c.expression + u')' : SchemaText::quote(c.name);
        if (c.length > 0)
            part += u'(' + QString::number(c.length) + u')';
        if (!c.collation.isEmpty())
            part += u" COLLATE "_s + c.collation;
        if (c.descending)
            part += u" DESC"_s;
        if (c.nulls != IndexColumn::Nulls::Default)
            part += c.nulls == IndexColumn::Nulls::First ? u" NULLS FIRST"_s : u" NULLS LAST"_s;
        parts.append(part);
    }
    QString line
        = u"  index "_s + SchemaText::quote(index.name) + (index.unique ? u" UNIQUE"_s : QString());
    if (!index.method.isEmpty())
        line += u" USING "_s + index.method;
    line += u" ("_s + parts.join(u", "_s) + u')';
    if (!index.where.isEmpty())
        line += u" WHERE "_s + index.where;
    return line;
}

QString foreignKeyLine(const ForeignKey &fk)
{
    QString target = SchemaText::quote(fk.referencedTable);
    if (!fk.referencedSchema.isEmpty())
        target = SchemaText::quote(fk.referencedSchema) + u'.' + target;
    QString line = u"  foreign key "_s + namePart(fk.name) + quotedList(fk.columns)
                   + u" REFERENCES "_s + target + u' ' + quotedList(fk.referencedColumns)
                   + u" ON DELETE "_s + referentialActionSql(fk.onDelete) + u" ON UPDATE "_s
                   + referentialActionSql(fk.onUpdate);
    if (fk.deferrable)
        line += fk.initiallyDeferred ? u" DEFERRABLE INITIALLY DEFERRED"_s : u" DEFERRABLE"_s;
    return line;
}

QString tableOptions(const Table &table)
{
    QString options;
    if (table.withoutRowid)
        options += u" WITHOUT ROWID"_s;
    if (table.strict)
        options += u" STRICT"_s;
    if (!table.engine.isEmpty())
        options += u" ENGINE="_s + table.engine;
    if (!table.comment.isEmpty())
        options += u" COMMENT "_s + SchemaText::quote(table.comment);
    return options;
}

} // namespace

QString SchemaText::quote(const QString &name)
{
    QString escaped = name;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

QString SchemaText::formatColumn(const Column &c)
{
    QString line
        = quote(c.name) + u' ' + (c.type.normalized.isEmpty() ? c.type.raw : c.type.normalized);
    line += c.nullable ? u" NULL"_s : u" NOT NULL"_s;
    if (c.defaultExpression)
        line += u" DEFAULT "_s + *c.defaultExpression;
    if (!c.onUpdate.isEmpty())
        line += u" ON UPDATE "_s + c.onUpdate;
    if (c.identity != Identity::None)
        line += u' ' + identityName(c.identity).toUpper();
    if (!c.collation.isEmpty())
        line += u" COLLATE "_s + c.collation;
    if (c.generated != Generated::None)
        line += u" GENERATED ALWAYS AS ("_s + c.generationExpression + u") "_s
                + generatedName(c.generated).toUpper();
    if (!c.comment.isEmpty())
        line += u" COMMENT "_s + quote(c.comment);
    return line;
}

QString SchemaText::formatTable(const Table &t)
{
    QStringList lines{u"table "_s + quote(t.name) + tableOptions(t)};
    for (const Column &c : t.columns)
        lines.append(u"  column "_s + formatColumn(c));
    if (!t.primaryKey.isEmpty())
        lines.append(u"  primary key "_s + namePart(t.primaryKey.name)
                     + quotedList(t.primaryKey.columns));
    for (const UniqueConstraint &u : t.uniqueConstraints) {
        QString line = u"  unique "_s + namePart(u.name) + quotedList(u.columns);
        if (u.deferrable)
            line += u.initiallyDeferred ? u" DEFERRABLE INITIALLY DEFERRED"_s : u" DEFERRABLE"_s;
        lines.append(line);
    }
    for (const CheckConstraint &ck : t.checkConstraints)
        lines.append(u"  check "_s + namePart(ck.name) + u'(' + ck.expression + u')');
    for (const ForeignKey &fk : t.foreignKeys)
        lines.append(foreignKeyLine(fk));
    for (const Index &i : t.indexes)
        lines.append(indexLine(i));
    for (const Trigger &tr : t.triggers)
        lines.append(u"  trigger "_s + quote(tr.name));
    return lines.join(u'\n');
}

QString SchemaText::format(const Database &db)
{
    QStringList blocks;
    for (const EnumType &e : db.enums) {
        QStringList values;
        for (const QString &v : e.values)
            values.append(u'\'' + QString(v).replace(u'\'', u"''"_s) + u'\'');
        blocks.append(u"enum "_s + quote(e.name) + u" ("_s + values.join(u", "_s) + u')');
    }
    for (const Sequence &s : db.sequences) {
        blocks.append(u"sequence "_s + quote(s.name) + u' ' + s.dataType + u" START "_s
                      + QString::number(s.start) + u" INCREMENT "_s + QString::number(s.increment)
                      + (s.cycle ? u" CYCLE"_s : QString())
                      + (s.ownedBy.isEmpty() ? QString() : u" OWNED BY "_s + s.ownedBy));
    }
    for (const Table &t : db.tables)
        blocks.append(formatTable(t));
    for (const View &v : db.views) {
        blocks.append((v.materialized ? u"materialized view "_s : u"view "_s) + quote(v.name)
                      + u" AS "_s + v.definition.simplified());
    }
    return blocks.isEmpty() ? QString() : blocks.join(u'\n') + u'\n';
}

} // namespace Retort::Schema

#include "sqlwriter.h"

#include "sqlkeywords.h"

#include <engine/sql/parentheses.h>

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

bool isPlainWord(const QString &text)
{
    static const QRegularExpression word(u"^[a-z_][a-z0-9_]*$"_s);
    return word.match(text).hasMatch();
}

bool isLiteralDefault(const QString &e)
{
    static const QRegularExpression literal(
        uR"(^([-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?|'([^']|'')*'|[xX]'[0-9a-fA-F]*'|null|true|false|current_(date|time|timestamp)(\(\d*\))?|localtime(stamp)?(\(\d*\))?|now\(\))$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return literal.match(e).hasMatch();
}

} // namespace

bool SqlWriter::needsQuoting(SqlDialect dialect, const QString &identifier)
{
    return !isPlainWord(identifier) || SqlKeywords::isReserved(dialect, identifier);
}

QString SqlWriter::name(const QString &identifier) const
{
    return needsQuoting(m_dialect, identifier) ? quoted(identifier) : identifier;
}

QString SqlWriter::quoted(const QString &identifier) const
{
    const QChar q = m_dialect == SqlDialect::MySQL ? u'`' : u'"';
    return q + QString(identifier).replace(q, QString(2, q)) + q;
}

QString SqlWriter::names(const QStringList &identifiers) const
{
    QStringList out;
    for (const QString &n : identifiers)
        out << name(n);
    return out.join(u", "_s);
}

QString SqlWriter::collation(const QString &collationName) const
{
    // PostgreSQL collation names are case-sensitive identifiers ("C", "en_US"); the others
    // take plain words such as NOCASE or utf8mb4_bin.
    static const QRegularExpression word(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (m_dialect == SqlDialect::PostgreSQL || !word.match(collationName).hasMatch())
        return quoted(collationName);
    return collationName;
}

QString SqlWriter::literal(const QString &text)
{
    return u'\'' + QString(text).replace(u"'"_s, u"''"_s) + u'\'';
}

QString SqlWriter::typeSql(const Schema::ColumnType &type)
{
    return type.raw.isEmpty() ? type.normalized : type.raw;
}

QString SqlWriter::defaultSql(const QString &expression) const
{
    const QString e = expression.trimmed();
    if (m_dialect == SqlDialect::PostgreSQL || isLiteralDefault(e) || isParenthesized(e))
        return e;
    return u'(' + e + u')';
}

QString SqlWriter::constraintPrefix(const QString &constraintName) const
{
    return constraintName.isEmpty() ? QString() : u"CONSTRAINT "_s + name(constraintName) + u' ';
}

QString SqlWriter::primaryKeyClause(const Schema::PrimaryKey &key) const
{
    const QString prefix = m_dialect == SqlDialect::MySQL ? QString() : constraintPrefix(key.name);
    return prefix + u"PRIMARY KEY ("_s + names(key.columns) + u')';
}

QString SqlWriter::uniqueClause(const Schema::UniqueConstraint &unique) const
{
    QString sql;
    if (m_dialect == SqlDialect::MySQL)
        sql = u"UNIQUE KEY "_s + (unique.name.isEmpty() ? QString() : name(unique.name) + u' ');
    else
        sql = constraintPrefix(unique.name) + u"UNIQUE "_s;
    sql += u'(' + names(unique.columns) + u')';
    if (unique.deferrable && m_dialect == SqlDialect::PostgreSQL)
        sql += unique.initiallyDeferred ? u" DEFERRABLE INITIALLY DEFERRED"_s : u" DEFERRABLE"_s;
    return sql;
}

QString SqlWriter::checkClause(const Schema::CheckConstraint &check) const
{
    return constraintPrefix(check.name) + u"CHECK ("_s + check.expression.trimmed() + u')';
}

QString SqlWriter::foreignKeyClause(const Schema::ForeignKey &fk) const
{
    QString target = name(fk.referencedTable);
    if (!fk.referencedSchema.isEmpty())
        target = name(fk.referencedSchema) + u'.' + target;
    QString sql = constraintPrefix(fk.name) + u"FOREIGN KEY ("_s + names(fk.columns)
                  + u") REFERENCES "_s + target + u" ("_s + names(fk.referencedColumns) + u')';
    if (fk.onDelete != Schema::ReferentialAction::NoAction)
        sql += u" ON DELETE "_s + Schema::referentialActionSql(fk.onDelete);
    if (fk.onUpdate != Schema::ReferentialAction::NoAction)
        sql += u" ON UPDATE "_s + Schema::referentialActionSql(fk.onUpdate);
    if (fk.deferrable && m_dialect != SqlDialect::MySQL)
        sql += fk.initiallyDeferred ? u" DEFERRABLE INITIALLY DEFERRED"_s : u" DEFERRABLE"_s;
    return sql;
}

QString SqlWriter::indexKeyParts(const Schema::Index &index) const
{
    QStringList parts;
    for (const Schema::IndexColumn &c : index.columns) {
        // SQLite keeps an index's text as written and reads the expression back from it, so
        // it gets the expression as read (extra parentheses would read back as part of it);
        // PostgreSQL and MySQL need them around anything but a plain column.
        QString part = !c.isExpression()                ? name(c.name)
                       : m_dialect == SqlDialect::SQLite ? c.expression.trimmed()
                                                          : u'(' + c.expression.trimmed() + u')';
        if (c.length > 0 && m_dialect == SqlDialect::MySQL)
            part += u'(' + QString::number(c.length) + u')';
        if (!c.collation.isEmpty())
            part += u" COLLATE "_s + collation(c.collation);
        if (c.descending)
            part += u" DESC"_s;
        parts << part;
    }
    return u'(' + parts.join(u", "_s) + u')';
}

QString SqlWriter::createIndex(const QString &table, const Schema::Index &index) const
{
    QString sql = index.unique ? u"CREATE UNIQUE INDEX "_s : u"CREATE INDEX "_s;
    sql += name(index.name) + u" ON "_s + name(table);
    if (m_dialect == SqlDialect::PostgreSQL && !index.method.isEmpty()
        && index.method.compare(u"btree"_s, Qt::CaseInsensitive) != 0) {
        sql += u" USING "_s + index.method.toLower();
    }
    sql += u' ' + indexKeyParts(index);
    if (!index.where.trimmed().isEmpty())
        sql += u" WHERE "_s + index.where.trimmed();
    return sql;
}

QString SqlWriter::viewQuery(const QString &definition) const
{
    QString q = definition.trimmed();
    while (q.endsWith(u';'))
        q = q.chopped(1).trimmed();
    return q;
}

} // namespace Retort

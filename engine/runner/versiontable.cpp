#include "versiontable.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>

#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// Words SQLAlchemy quotes in all three dialects (a subset of its per-dialect lists that covers
// the names people give version and history tables).
const QSet<QString> &reservedWords()
{
    static const QSet<QString> words{
        u"all"_s,      u"alter"_s,   u"and"_s,       u"any"_s,        u"as"_s,       u"asc"_s,
        u"between"_s,  u"by"_s,      u"case"_s,      u"check"_s,      u"column"_s,   u"constraint"_s,
        u"create"_s,   u"cross"_s,   u"current"_s,   u"default"_s,    u"delete"_s,   u"desc"_s,
        u"distinct"_s, u"drop"_s,    u"else"_s,      u"end"_s,        u"except"_s,   u"exists"_s,
        u"false"_s,    u"for"_s,     u"foreign"_s,   u"from"_s,       u"full"_s,     u"grant"_s,
        u"group"_s,    u"having"_s,  u"in"_s,        u"index"_s,      u"inner"_s,    u"insert"_s,
        u"intersect"_s, u"into"_s,   u"is"_s,        u"join"_s,       u"key"_s,      u"left"_s,
        u"like"_s,     u"limit"_s,   u"not"_s,       u"null"_s,       u"of"_s,       u"offset"_s,
        u"on"_s,       u"or"_s,      u"order"_s,     u"outer"_s,      u"primary"_s,  u"references"_s,
        u"right"_s,    u"select"_s,  u"set"_s,       u"table"_s,      u"then"_s,     u"to"_s,
        u"true"_s,     u"union"_s,   u"unique"_s,    u"update"_s,     u"user"_s,     u"using"_s,
        u"values"_s,   u"when"_s,    u"where"_s,     u"with"_s,       u"version"_s,  u"transaction"_s};
    return words;
}

Error versionError(const QString &message, const QString &sql = {})
{
    Error e(Error::Kind::Database, message);
    e.sql = sql;
    return e;
}

} // namespace

VersionTable::VersionTable(Connection &connection, const QString &name)
    : m_connection(connection)
    , m_name(name)
{}

QString VersionTable::quoteName(SqlDialect dialect, const QString &name)
{
    static const QRegularExpression plain(u"^[a-z_][a-z0-9_$]*$"_s);
    if (plain.match(name).hasMatch() && !reservedWords().contains(name))
        return name;
    if (dialect == SqlDialect::MySQL)
        return u'`' + QString(name).replace(u"`"_s, u"``"_s) + u'`';
    return u'"' + QString(name).replace(u"\""_s, u"\"\""_s) + u'"';
}

QString VersionTable::literal(const QString &value)
{
    return u'\'' + QString(value).replace(u"'"_s, u"''"_s) + u'\'';
}

QString VersionTable::createSql(SqlDialect dialect, const QString &table, bool ifNotExists)
{
    // Alembic's DDL, byte for byte (SQLAlchemy leaves a space after the column's comma).
    return (ifNotExists ? u"CREATE TABLE IF NOT EXISTS"_s : u"CREATE TABLE"_s)
           + u" %1 (\n    version_num VARCHAR(32) NOT NULL, \n"
           "    CONSTRAINT %2 PRIMARY KEY (version_num)\n)"_s
        .arg(quoteName(dialect, table), quoteName(dialect, table + u"_pkc"_s));
}

QString VersionTable::dropSql(SqlDialect dialect, const QString &table)
{
    return u"DROP TABLE "_s + quoteName(dialect, table);
}

QString VersionTable::changeSql(SqlDialect dialect, const QString &table,
                                const VersionChange &change, bool forOffline)
{
    const QString t = quoteName(dialect, table);
    switch (change.kind) {
    case VersionChange::Kind::Insert: {
        QString sql = u"INSERT INTO %1 (version_num) VALUES (%2)"_s.arg(t, literal(change.to));
        if (forOffline && dialect == SqlDialect::PostgreSQL)
            sql += u" RETURNING %1.version_num"_s.arg(t);
        return sql;
    }
    case VersionChange::Kind::Delete:
        return u"DELETE FROM %1 WHERE %1.version_num = %2"_s.arg(t, literal(change.from));
    case VersionChange::Kind::Update:
        return u"UPDATE %1 SET version_num=%2 WHERE %1.version_num = %3"_s.arg(
            t, literal(change.to), literal(change.from));
    }
    return {};
}

Result<bool> VersionTable::tableExists(Connection &connection, const QString &table)
{
    QString sql;
    switch (connection.dialect()) {
    case SqlDialect::SQLite:
        sql = u"SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?"_s;
        break;
    case SqlDialect::PostgreSQL:
        sql = u"SELECT table_name FROM information_schema.tables "
              "WHERE table_schema = current_schema() AND table_name = ?"_s;
        break;
    case SqlDialect::MySQL:
        sql = u"SELECT table_name FROM information_schema.tables "
              "WHERE table_schema = DATABASE() AND table_name = ?"_s;
        break;
    }
    const Result<QList<QVariantList>> rows = connection.select(sql, {table});
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

Result<bool> VersionTable::exists()
{
    if (m_seen)
        return true;
    const Result<bool> present = tableExists(m_connection, m_name);
    m_seen = present && *present;
    return present;
}

Result<> VersionTable::ensureCreated()
{
    const Result<bool> present = exists();
    if (!present)
        return present.error();
    if (*present)
        return {};
    // IF NOT EXISTS: another process may create it between the check and here (SQLite in WAL
    // mode, where the whole-command lock keeps no writer out).
    const Result<> created = m_connection.exec(createSql(m_connection.dialect(), m_name, true));
    m_seen = bool(created);
    return created;
}

Result<QStringList> VersionTable::heads()
{
    const Result<bool> present = exists();
    if (!present)
        return present.error();
    if (!*present)
        return QStringList();
    const QString t = quoteName(m_connection.dialect(), m_name);
    const Result<QList<QVariantList>> rows =
        m_connection.select(u"SELECT %1.version_num FROM %1"_s.arg(t));
    if (!rows)
        return rows.error();
    QStringList heads;
    for (const QVariantList &row : *rows)
        heads << row.value(0).toString();
    return heads;
}

Result<> VersionTable::apply(const VersionChange &change)
{
    const QString sql = changeSql(m_connection.dialect(), m_name, change);
    QSqlQuery query(m_connection.database());
    if (!query.exec(sql)) {
        return versionError(Tr::tr("Cannot update the version table %1: %2")
                                .arg(m_name, query.lastError().text().trimmed()),
                            sql);
    }
    if (change.kind == VersionChange::Kind::Insert)
        return {};
    const int matched = query.numRowsAffected();
    if (matched == 1)
        return {};
    // Alembic's words.
    const QString what = change.kind == VersionChange::Kind::Delete
                             ? u"deleting '%1'"_s.arg(change.from)
                             : u"updating '%1' to '%2'"_s.arg(change.from, change.to);
    return versionError(Tr::tr("Online migration expected to match one row when %1 in '%2'; "
                               "%3 found")
                            .arg(what, m_name)
                            .arg(matched),
                        sql);
}

Result<> VersionTable::purge()
{
    return m_connection.exec(u"DELETE FROM "_s + quoteName(m_connection.dialect(), m_name));
}

} // namespace Retort

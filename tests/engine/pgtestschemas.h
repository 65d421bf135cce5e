#pragma once

// Helpers for tests against the throwaway PostgreSQL server: uniquely named schemas that are
// dropped again when the helper goes out of scope (also when a test fails half-way), so tests
// can run beside each other on one server.
#include <engine/config/databaseurl.h>
#include <engine/db/connection.h>
#include <engine/sql/statement.h>

#include <QRandomGenerator>
#include <QStringList>

#include <memory>

namespace RetortTest {

class PgTestSchemas
{
public:
    ~PgTestSchemas()
    {
        if (!m_connection)
            return;
        for (const QString &s : std::as_const(m_schemas))
            (void) m_connection->exec(QStringLiteral("DROP SCHEMA IF EXISTS ") + m_connection->quote(s) + QStringLiteral(" CASCADE"));
    }

    // Empty on success, else the error text.
    QString open(const QString &url)
    {
        const auto parsed = Retort::DatabaseUrl::parse(url);
        if (!parsed)
            return parsed.error().toString();
        auto c = Retort::Connection::open(*parsed);
        if (!c)
            return c.error().toString();
        m_connection = std::move(*c);
        return {};
    }

    Retort::Connection &connection() { return *m_connection; }

    // Creates a fresh schema "tpgi_<hex>" (registered for dropping); empty on failure.
    QString create()
    {
        const QString name = QStringLiteral("tpgi_%1").arg(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 10, 16,
                                              QChar(u'0'));
        if (!m_connection->exec(QStringLiteral("CREATE SCHEMA ") + m_connection->quote(name)))
            return {};
        m_schemas << name;
        return name;
    }

    // Makes `schema` the search_path (it stays so) and runs `sql` (several statements allowed).
    // Empty on success, else the error text.
    QString apply(const QString &schema, const QString &sql)
    {
        if (auto r = m_connection->exec(QStringLiteral("SET search_path TO ") + m_connection->quote(schema)); !r)
            return r.error().toString();
        if (sql.trimmed().isEmpty())
            return {};
        if (auto r = m_connection->exec(sql); !r)
            return r.error().toString() + QStringLiteral("\n") + r.error().detail;
        return {};
    }

    bool schemaExists(const QString &schema)
    {
        const auto rows = m_connection->select(QStringLiteral("SELECT 1 FROM pg_namespace WHERE nspname = ?"), {schema});
        return rows && !rows->isEmpty();
    }

private:
    std::unique_ptr<Retort::Connection> m_connection;
    QStringList m_schemas;
};

// Splits SQL on top-level ';' (aware of '...', "...", $tag$...$tag$ and -- comments), with
// 1-based start lines. Enough for the tests until the StatementSplitter lands.
inline Retort::StatementList splitStatements(const QString &sql)
{
    Retort::StatementList out;
    QString current;
    int line = 1;
    int startLine = 0;
    for (int i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        auto take = [&](qsizetype end) {
            const QString part = sql.mid(i, end - i);
            line += part.count(u'\n');
            current += part;
            i = int(end) - 1;
        };
        if (startLine == 0 && !c.isSpace() && !sql.mid(i).startsWith(QStringLiteral("--")))
            startLine = line;
        if (c == u'\'' || c == u'"') {
            const qsizetype end = sql.indexOf(c, i + 1);
            take(end < 0 ? sql.size() : end + 1);
        } else if (c == u'-' && sql.mid(i, 2) == QStringLiteral("--")) {
            const qsizetype end = sql.indexOf(u'\n', i);
            take(end < 0 ? sql.size() : end);
        } else if (c == u'$' && sql.indexOf(u'$', i + 1) > i) {
            const QString tag = sql.mid(i, sql.indexOf(u'$', i + 1) - i + 1);
            const qsizetype end = sql.indexOf(tag, i + tag.size());
            take(end < 0 ? sql.size() : end + tag.size());
        } else if (c == u';') {
            if (!current.trimmed().isEmpty())
                out << Retort::Statement{current.trimmed(), startLine};
            current.clear();
            startLine = 0;
        } else {
            if (c == u'\n')
                ++line;
            current += c;
        }
    }
    if (!current.trimmed().isEmpty())
        out << Retort::Statement{current.trimmed(), startLine};
    return out;
}

} // namespace RetortTest

#pragma once

// Helpers for tests against the throwaway PostgreSQL server: uniquely named schemas that are
// dropped again when the helper goes out of scope (also when a test fails half-way), so tests
// can run beside each other on one server.
#include <engine/config/databaseurl.h>
#include <engine/db/connection.h>

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
            drop(s);
    }

    // DROP SCHEMA ... CASCADE; a schema with hundreds of tables needs more locks than one
    // transaction may hold, so then its tables go first, 50 per transaction.
    void drop(const QString &schema)
    {
        const QString dropSchema = QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_connection->quote(schema));
        if (m_connection->exec(dropSchema))
            return;
        const auto tables = m_connection->select(
            QStringLiteral("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
                           "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind = 'r'"),
            {schema});
        if (!tables)
            return;
        QStringList batch;
        for (int i = 0; i < tables->size(); ++i) {
            batch << tables->at(i).first().toString();
            if (batch.size() == 50 || i == tables->size() - 1) {
                (void) m_connection->exec(QStringLiteral("DROP TABLE IF EXISTS ") + batch.join(u',') + QStringLiteral(" CASCADE"));
                batch.clear();
            }
        }
        (void) m_connection->exec(dropSchema);
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

} // namespace RetortTest

#pragma once

// Helpers for tests against the throwaway PostgreSQL server: uniquely named schemas that are
// dropped again when the helper goes out of scope (also when a test fails half-way), so tests
// can run beside each other on one server.
#include "../common/testdatabases.h"

#include <engine/config/databaseurl.h>
#include <engine/db/connection.h>
#include <engine/dialect/postgres/postgresintrospector.h>

#include <QFile>
#include <QJsonDocument>
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

// A file under tests/data/schema/postgres/.
inline QString readPgData(const QString &relative)
{
    QFile f(QStringLiteral(RETORT_TEST_DATA_DIR "/schema/postgres/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

inline QByteArray jsonText(const Retort::Schema::Database &db)
{
    return QJsonDocument(db.toJson()).toJson(QJsonDocument::Indented);
}

// Creates a fresh schema, applies `sql` there and introspects it (schemaName cleared).
inline Retort::Result<Retort::Schema::Database> introspectFresh(PgTestSchemas &pg, const QString &sql,
                                                                QString *schemaOut = nullptr)
{
    using Retort::Error;
    const QString schema = pg.create();
    if (schema.isEmpty())
        return Error(Error::Kind::Internal, QStringLiteral("cannot create a test schema"));
    if (const QString err = pg.apply(schema, sql); !err.isEmpty())
        return Error(Error::Kind::Internal, err);
    if (schemaOut)
        *schemaOut = schema;
    Retort::Result<Retort::Schema::Database> db = Retort::PostgresIntrospector::introspect(pg.connection());
    if (db)
        db->schemaName.clear();
    return db;
}

// `tables` tables of 8 columns, each with an index, a unique constraint and an FK to the one
// before (the first to itself): the benchmark schema.
inline QString benchmarkDdl(int tables)
{
    QString sql;
    for (int i = 0; i < tables; ++i) {
        const QString t = QStringLiteral("t%1").arg(i, 3, 10, QChar(u'0'));
        const QString parent = i == 0 ? t : QStringLiteral("t%1").arg(i - 1, 3, 10, QChar(u'0'));
        sql += QStringLiteral("CREATE TABLE %1 (id serial PRIMARY KEY, parent_id integer REFERENCES %2 (id) "
                              "ON DELETE CASCADE, code varchar(20) NOT NULL, name text, amount numeric(10,2) "
                              "DEFAULT 0, created_at timestamptz NOT NULL DEFAULT now(), flag boolean NOT NULL "
                              "DEFAULT false, note text, UNIQUE (code));\n"
                              "CREATE INDEX %1_name_idx ON %1 (name);\n").arg(t, parent);
    }
    return sql;
}

} // namespace RetortTest

// Opens the test server into `pg` (a RetortTest::PgTestSchemas), or skips/fails the test.
#define OPEN_PG(pg) \
    QString pgUrl_; \
    RETORT_REQUIRE_SERVER(Retort::SqlDialect::PostgreSQL, pgUrl_); \
    RetortTest::PgTestSchemas pg; \
    { \
        const QString openError_ = pg.open(pgUrl_); \
        QVERIFY2(openError_.isEmpty(), qPrintable(openError_)); \
    }

#define VERIFY_RESULT(r) QVERIFY2(bool(r), qPrintable((r) ? QString() : (r).error().toString()))

#pragma once

// A throwaway database of its own on the MariaDB/MySQL test server, for tst_mysqlintrospector.
#include <engine/config/databaseurl.h>
#include <engine/db/connection.h>
#include <engine/sql/statementsplitter.h>

#include <QRandomGenerator>
#include <QString>

#include <memory>

namespace RetortTest {

// Creates `retort_it_<random>` on the server of `serverUrl` and opens a connection to it; the
// destructor closes that connection and drops the database.
class MysqlTestDatabase
{
public:
    static std::unique_ptr<MysqlTestDatabase> create(const QString &serverUrl, QString *error)
    {
        std::unique_ptr<MysqlTestDatabase> db(new MysqlTestDatabase);
        const auto url = Retort::DatabaseUrl::parse(serverUrl);
        if (!url) {
            *error = url.error().toString();
            return nullptr;
        }
        db->m_url = *url;
        auto admin = Retort::Connection::open(*url);
        if (!admin) {
            *error = admin.error().toString();
            return nullptr;
        }
        db->m_admin = std::move(*admin);
        db->m_name = uniqueName(QStringLiteral("retort_it_"));
        if (auto r = db->m_admin->exec(QStringLiteral("CREATE DATABASE `%1`").arg(db->m_name)); !r) {
            *error = r.error().toString();
            db->m_name.clear();
            return nullptr;
        }
        Retort::DatabaseUrl own = *url;
        own.database = db->m_name;
        auto c = Retort::Connection::open(own);
        if (!c) {
            *error = c.error().toString();
            return nullptr;
        }
        db->m_connection = std::move(*c);
        return db;
    }

    ~MysqlTestDatabase()
    {
        m_connection.reset();
        if (m_admin && !m_name.isEmpty())
            (void)m_admin->exec(QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(m_name));
    }

    static QString uniqueName(const QString &prefix)
    {
        return prefix
               + QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 16)
                     .rightJustified(12, u'0');
    }

    // Runs a script, split as the runner splits it; empty on success, else the error.
    QString run(const QString &sql)
    {
        const auto statements = Retort::StatementSplitter::split(sql, Retort::SqlDialect::MySQL);
        if (!statements)
            return statements.error().toString();
        for (const Retort::Statement &s : *statements) {
            if (auto r = m_connection->exec(s.text, s.line); !r)
                return r.error().toString() + QStringLiteral(" in: ") + s.text;
        }
        return {};
    }

    Retort::Connection &connection() { return *m_connection; }
    Retort::Connection &admin() { return *m_admin; }
    const QString &name() const { return m_name; }
    // The server's URL with this database in it.
    Retort::DatabaseUrl url() const
    {
        Retort::DatabaseUrl u = m_url;
        u.database = m_name;
        return u;
    }
    const Retort::DatabaseUrl &serverUrl() const { return m_url; }

private:
    MysqlTestDatabase() = default;

    Retort::DatabaseUrl m_url;
    QString m_name;
    std::unique_ptr<Retort::Connection> m_admin;
    std::unique_ptr<Retort::Connection> m_connection;
};

} // namespace RetortTest

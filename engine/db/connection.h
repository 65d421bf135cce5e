#pragma once

#include <engine/config/databaseurl.h>
#include <engine/core/result.h>
#include <engine/sql/statement.h>

#include <QSqlDatabase>
#include <QVariant>

#include <memory>

namespace Retort {

// Owns one named QSqlDatabase in the calling thread: opened by open(), closed and removed on
// destruction. Use it only on the thread that opened it (Qt: "Threads and the SQL Module").
class Connection
{
public:
    static Result<std::unique_ptr<Connection>> open(const DatabaseUrl &url);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase &database() { return m_db; }
    SqlDialect dialect() const { return m_url.dialect; }
    const DatabaseUrl &url() const { return m_url; }

    // Runs exactly one statement; an error carries the statement, the driver's text and `line`.
    Result<> exec(const QString &sql, int line = 0);
    // Runs one query and returns all rows as lists of column values.
    Result<QList<QVariantList>> select(const QString &sql, const QVariantList &bindings = {});

    // Quotes an identifier for this connection's dialect.
    QString quote(const QString &identifier) const;

private:
    explicit Connection(const DatabaseUrl &url);
    Result<> setUp();
    Error databaseError(const QString &what, const QSqlError &error, const QString &sql = {},
                        int line = 0) const;

    DatabaseUrl m_url;
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace Retort

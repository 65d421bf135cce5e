#pragma once

#include <engine/core/result.h>
#include <engine/core/sqldialect.h>

#include <QString>

namespace Retort {

// A parsed database URL (README "Database URLs"). A value; knows nothing of connections.
class DatabaseUrl
{
public:
    SqlDialect dialect = SqlDialect::SQLite;
    QString scheme;   // as written, without a "+driver" suffix: sqlite, postgresql, mysql, mariadb
    QString user;     // percent-decoded
    QString password; // percent-decoded; never shown
    QString host;
    int port = 0;     // 0: the driver's default
    QString database; // SQLite: absolute file path, or ":memory:"
    QString socket;   // PostgreSQL socket directory, MySQL socket file
    QString sslMode;
    int connectTimeout = 10; // seconds; never hang on an unreachable server

    // baseDir: folder that relative SQLite paths are relative to (the ini's folder). An error
    // never contains the password.
    static Result<DatabaseUrl> parse(const QString &url, const QString &baseDir = {});

    bool isMemory() const { return dialect == SqlDialect::SQLite && database == u":memory:"; }
    // The URL with the password shown as "***". Safe to print and log.
    QString toDisplayString() const;

private:
    // parse() without the final check that no error message holds the password.
    static Result<DatabaseUrl> parseUnmasked(const QString &url, const QString &baseDir);
};

} // namespace Retort

#pragma once

#include <engine/core/result.h>

#include <QString>

namespace Retort {

// Maps an SQLAlchemy URL (alembic.ini's sqlalchemy.url) to Retort's URL syntax (DatabaseUrl).
// Pure function, any thread.
// - postgresql and postgres with any driver (+psycopg2, +psycopg, +asyncpg, +pg8000, ...) give
//   postgresql://; mysql and mariadb with any driver (+pymysql, +mysqldb, +mysqlconnector,
//   +aiomysql, +mariadbconnector, ...) give mysql:// and mariadb://; sqlite with any driver
//   (+pysqlite, +aiosqlite) gives sqlite://. Other dialects (mssql, oracle, ...) are an error
//   naming the dialect.
// - User, password and host keep their percent-encoding (both sides decode it the same way).
//   The database name is literal in SQLAlchemy, so a '%' in it is encoded for Retort.
// - Query: host=/dir (psycopg2's socket folder) and unix_socket=/file (PyMySQL's) become
//   ?socket=; sslmode and connect_timeout are kept; driver tuning that does not change where or
//   how Retort connects (charset, client_encoding, application_name, check_same_thread, ...)
//   is dropped; anything else is an error naming the option.
// - sqlite:///relative.db is relative to workingDir (SQLAlchemy opens it relative to the
//   process's working directory), and comes back as an absolute sqlite:////path.
// Errors (Kind::Config) never contain the password.
class SqlAlchemyUrl
{
public:
    static Result<QString> toRetortUrl(const QString &url, const QString &workingDir = QString());
};

} // namespace Retort

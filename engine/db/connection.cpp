#include "connection.h"

#include <engine/core/enginetr.h>

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

QString driverName(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::SQLite:
        return u"QSQLITE"_s;
    case SqlDialect::PostgreSQL:
        return u"QPSQL"_s;
    case SqlDialect::MySQL:
        return u"QMYSQL"_s;
    }
    return {};
}

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"retort-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

// libpq takes "key=value" options; quote values that contain spaces or quotes.
QString pgOption(const QString &key, const QString &value)
{
    QString v = value;
    v.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return key + u"='"_s + v + u'\'';
}

QString connectOptions(const DatabaseUrl &url)
{
    QStringList options;
    switch (url.dialect) {
    case SqlDialect::SQLite:
        options << u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(url.connectTimeout * 1000);
        break;
    case SqlDialect::PostgreSQL:
        // libpq prints the server's notices and warnings to stderr itself, where the CLI's
        // contract is one "FAILED:" line; errors still come back through QSqlError.
        options << u"options='-c client_min_messages=error'"_s << u"application_name=retort"_s
                << u"connect_timeout=%1"_s.arg(url.connectTimeout);
        if (!url.sslMode.isEmpty())
            options << pgOption(u"sslmode"_s, url.sslMode);
        break;
    case SqlDialect::MySQL:
        options << u"MYSQL_OPT_CONNECT_TIMEOUT=%1"_s.arg(url.connectTimeout);
        if (!url.socket.isEmpty())
            options << u"UNIX_SOCKET="_s + url.socket;
        if (url.sslMode == u"require" || url.sslMode == u"verify-ca" || url.sslMode == u"verify-full")
            options << u"SSL_CA="_s; // ask for TLS with the client's default CAs
        break;
    }
    return options.join(u';');
}

} // namespace

Connection::Connection(const DatabaseUrl &url)
    : m_url(url)
    , m_name(uniqueConnectionName())
{}

Connection::~Connection()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<Connection>> Connection::open(const DatabaseUrl &url)
{
    std::unique_ptr<Connection> c(new Connection(url));
    const QString driver = driverName(url.dialect);
    if (!QSqlDatabase::isDriverAvailable(driver))
        return Error(Error::Kind::Database,
                     Tr::tr("The Qt SQL driver %1 for %2 is not installed (Debian package %3).")
                         .arg(driver, url.toDisplayString(),
                              url.dialect == SqlDialect::SQLite       ? u"libqt6sql6-sqlite"_s
                              : url.dialect == SqlDialect::PostgreSQL ? u"libqt6sql6-psql"_s
                                                                      : u"libqt6sql6-mysql"_s));
    c->m_db = QSqlDatabase::addDatabase(driver, c->m_name);
    c->m_db.setDatabaseName(url.database);
    if (url.dialect != SqlDialect::SQLite) {
        // A PostgreSQL socket is a directory given as the host; MySQL's goes in the options.
        if (url.dialect == SqlDialect::PostgreSQL && !url.socket.isEmpty())
            c->m_db.setHostName(url.socket);
        else if (!url.host.isEmpty())
            c->m_db.setHostName(url.host);
        if (url.port > 0)
            c->m_db.setPort(url.port);
        c->m_db.setUserName(url.user);
        c->m_db.setPassword(url.password);
    } else if (!url.isMemory() && !QFileInfo(url.database).absoluteDir().exists()) {
        return Error(Error::Kind::Database,
                     Tr::tr("Cannot open %1: the folder %2 does not exist.")
                         .arg(url.toDisplayString(), QFileInfo(url.database).absolutePath()));
    }
    c->m_db.setConnectOptions(connectOptions(url));
    if (!c->m_db.open())
        return c->databaseError(Tr::tr("Cannot connect to %1").arg(url.toDisplayString()),
                                c->m_db.lastError());
    if (Result<> r = c->setUp(); !r) // e.g. an SQLite "database" that is some other file
        return r.error().withContext(Tr::tr("Cannot open %1").arg(url.toDisplayString()));
    return c;
}

Result<> Connection::setUp()
{
    switch (m_url.dialect) {
    case SqlDialect::SQLite:
        if (Result<> r = exec(u"PRAGMA foreign_keys=ON"_s); !r)
            return r;
        // SQLite parses every CREATE statement of the schema on a connection's first query
        // (40 ms at 10,000 tables). Doing it here, while Workspace loads the revision files on
        // another thread, takes it off the critical path of `current` and `upgrade`; and a file
        // that is not a database fails here, at open.
        return exec(u"SELECT count(*) FROM sqlite_master"_s);
    case SqlDialect::PostgreSQL:
        return {};
    case SqlDialect::MySQL:
        return exec(u"SET NAMES utf8mb4"_s);
    }
    return {};
}

Result<> Connection::exec(const QString &sql, int line)
{
    QSqlQuery query(m_db);
    bool ok = query.exec(sql);
    // QPSQL and QMYSQL report a later statement's failure only through nextResult().
    while (ok && query.nextResult()) {
    }
    if (!ok || query.lastError().isValid())
        return databaseError(Tr::tr("Statement failed"), query.lastError(), sql, line);
    return {};
}

Result<QList<QVariantList>> Connection::select(const QString &sql, const QVariantList &bindings)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    bool ok = true;
    if (bindings.isEmpty()) {
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        for (const QVariant &v : bindings)
            query.addBindValue(v);
        ok = ok && query.exec();
    }
    if (!ok)
        return databaseError(Tr::tr("Query failed"), query.lastError(), sql);
    QList<QVariantList> rows;
    const int columns = query.record().count();
    while (query.next()) {
        QVariantList row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row << query.value(i);
        rows << row;
    }
    if (query.lastError().isValid())
        return databaseError(Tr::tr("Query failed"), query.lastError(), sql);
    return rows;
}

QString Connection::quote(const QString &identifier) const
{
    if (m_url.dialect == SqlDialect::MySQL)
        return u'`' + QString(identifier).replace(u"`"_s, u"``"_s) + u'`';
    return u'"' + QString(identifier).replace(u"\""_s, u"\"\""_s) + u'"';
}

Error Connection::databaseError(const QString &what, const QSqlError &error, const QString &sql,
                                int line) const
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    text = text.section(u'\n', 0, 0).trimmed(); // libpq adds hints on further lines
    Error e(Error::Kind::Database, what + u": "_s + text + (text.endsWith(u'.') ? u""_s : u"."_s));
    e.sql = sql;
    e.line = line;
    // The driver's own words: not QSqlError::text(), which appends Qt's generic "Unable to
    // execute statement" (Error::toString() printed it in parentheses after the same text).
    e.detail = error.databaseText().trimmed().isEmpty() ? error.driverText().trimmed()
                                                        : error.databaseText().trimmed();
    return e;
}

} // namespace Retort

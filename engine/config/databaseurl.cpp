#include "databaseurl.h"

#include <engine/core/enginetr.h>

#include <QDir>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

Error urlError(const QString &message)
{
    return Error(Error::Kind::Config, message);
}

QString decode(const QString &s)
{
    return QUrl::fromPercentEncoding(s.toUtf8());
}

QString encode(const QString &s)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(s));
}

std::optional<SqlDialect> dialectForScheme(const QString &scheme)
{
    if (scheme == u"sqlite")
        return SqlDialect::SQLite;
    if (scheme == u"postgresql" || scheme == u"postgres")
        return SqlDialect::PostgreSQL;
    if (scheme == u"mysql" || scheme == u"mariadb")
        return SqlDialect::MySQL;
    return std::nullopt;
}

Result<> parseQuery(const QString &query, DatabaseUrl &url, const QString &shown)
{
    if (query.isEmpty())
        return {};
    static const QStringList sslModes{u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s,
                                      u"verify-ca"_s, u"verify-full"_s};
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        const QString key = decode(eq < 0 ? pair : pair.left(eq));
        const QString value = eq < 0 ? QString() : decode(pair.mid(eq + 1));
        if (key == u"socket") {
            url.socket = value;
        } else if (key == u"sslmode") {
            if (!sslModes.contains(value))
                return urlError(Tr::tr("Unknown sslmode '%1' in database URL %2; expected one of %3.")
                                    .arg(value, shown, sslModes.join(u", "_s)));
            url.sslMode = value;
        } else if (key == u"connect_timeout") {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds <= 0)
                return urlError(Tr::tr("Bad connect_timeout '%1' in database URL %2; expected a "
                                       "positive number of seconds.").arg(value, shown));
            url.connectTimeout = seconds;
        } else {
            return urlError(Tr::tr("Unknown option '%1' in database URL %2; known options are "
                                   "socket, sslmode and connect_timeout.").arg(key, shown));
        }
    }
    return {};
}

Result<> parseSqlitePath(const QString &rest, const QString &baseDir, DatabaseUrl &url,
                         const QString &shown)
{
    // sqlite:// (memory), sqlite:///relative.db, sqlite:////absolute.db
    if (rest.isEmpty() || rest == u"/" || rest == u"/:memory:") {
        url.database = u":memory:"_s;
        return {};
    }
    if (!rest.startsWith(u'/'))
        return urlError(Tr::tr("SQLite URL %1 has a host part; use sqlite:///relative.db "
                               "or sqlite:////absolute/path.db.").arg(shown));
    const QString path = decode(rest.mid(1));
    url.database = QDir::isAbsolutePath(path)
                       ? QDir::cleanPath(path)
                       : QDir::cleanPath(QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir)
                                             .absoluteFilePath(path));
    return {};
}

Result<> parseServer(const QString &rest, DatabaseUrl &url, const QString &shown)
{
    // [user[:password]@]host[:port][/database]
    const qsizetype at = rest.lastIndexOf(u'@');
    QString hostPart = rest;
    if (at >= 0) {
        const QString userInfo = rest.left(at);
        hostPart = rest.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        url.user = decode(colon < 0 ? userInfo : userInfo.left(colon));
        if (colon >= 0)
            url.password = decode(userInfo.mid(colon + 1));
    }
    const qsizetype slash = hostPart.indexOf(u'/');
    if (slash >= 0) {
        url.database = decode(hostPart.mid(slash + 1));
        hostPart = hostPart.left(slash);
    }
    if (url.database.contains(u'/'))
        return urlError(Tr::tr("Database name '%1' in database URL %2 contains '/'.")
                            .arg(url.database, shown));
    QString portText;
    if (hostPart.startsWith(u'[')) { // IPv6 literal
        const qsizetype close = hostPart.indexOf(u']');
        if (close < 0)
            return urlError(Tr::tr("Unclosed '[' in the host of database URL %1.").arg(shown));
        url.host = hostPart.mid(1, close - 1);
        const QString after = hostPart.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(u':'))
            return urlError(Tr::tr("Unexpected '%1' after the host in database URL %2.").arg(after, shown));
        portText = after.mid(1);
        if (after.isEmpty())
            portText.clear();
    } else {
        const qsizetype colon = hostPart.lastIndexOf(u':');
        url.host = decode(colon < 0 ? hostPart : hostPart.left(colon));
        if (colon >= 0)
            portText = hostPart.mid(colon + 1);
        if (colon >= 0 && portText.isEmpty())
            return urlError(Tr::tr("Empty port in database URL %1.").arg(shown));
    }
    if (!portText.isEmpty()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return urlError(Tr::tr("Bad port '%1' in database URL %2; expected a number from 1 to 65535.")
                                .arg(portText, shown));
        url.port = port;
    }
    if (url.database.isEmpty())
        return urlError(Tr::tr("Database URL %1 names no database; add '/dbname' after the host.")
                            .arg(shown));
    if (url.host.isEmpty() && url.socket.isEmpty())
        url.host = u"localhost"_s;
    return {};
}

// The password as a URL that may not parse writes it: after the first ':' of the text between
// "://" (or the start, when the '@' comes first) and the last '@'. Empty when there is none.
QString writtenPassword(const QString &text)
{
    const qsizetype sep = text.indexOf(u"://"_s);
    const qsizetype at = text.lastIndexOf(u'@');
    const qsizetype from = sep >= 0 && sep < at ? sep + 3 : 0; // "u:pw@postgresql://" too
    if (at <= from)
        return {};
    const qsizetype colon = text.indexOf(u':', from);
    return colon < 0 || colon >= at ? QString() : text.mid(colon + 1, at - colon - 1);
}

// Every message about a URL is built from a form without the password; this is the second line
// of defence, for an echo of the URL that message building did not foresee. It masks the
// password where a URL holds it (":secret@"), so a short password does not blank out words.
Error withoutPassword(Error error, const QString &text)
{
    const QString written = writtenPassword(text);
    for (const QString &secret : {written, decode(written)}) {
        if (secret.isEmpty())
            continue;
        error.message.replace(u':' + secret + u'@', u":***@"_s);
        error.detail.replace(u':' + secret + u'@', u":***@"_s);
    }
    return error;
}

} // namespace

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text, const QString &baseDir)
{
    Result<DatabaseUrl> url = parseUnmasked(text, baseDir);
    if (!url)
        return withoutPassword(url.error(), text.trimmed());
    return url;
}

Result<DatabaseUrl> DatabaseUrl::parseUnmasked(const QString &text, const QString &baseDir)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return urlError(Tr::tr("No database URL is set; give --url, set RETORT_URL, or set 'url' in "
                               "retort.ini."));
    const qsizetype sep = trimmed.indexOf(u"://"_s);
    if (sep <= 0)
        return urlError(Tr::tr("'%1' is not a database URL; expected a form like "
                               "postgresql://user@host/db or sqlite:///app.db.")
                            .arg(trimmed.section(u'@', -1)));
    DatabaseUrl url;
    url.scheme = trimmed.left(sep).toLower();
    const qsizetype plus = url.scheme.indexOf(u'+'); // SQLAlchemy-style "postgresql+psycopg2"
    if (plus > 0)
        url.scheme.truncate(plus);
    const std::optional<SqlDialect> dialect = dialectForScheme(url.scheme);
    if (!dialect)
        return urlError(Tr::tr("Unknown database URL scheme '%1'; use sqlite, postgresql, mysql or "
                               "mariadb.").arg(trimmed.left(sep)));
    url.dialect = *dialect;

    QString rest = trimmed.mid(sep + 3);
    QString query;
    const qsizetype q = rest.indexOf(u'?');
    if (q >= 0) {
        query = rest.mid(q + 1);
        rest.truncate(q);
    }
    // Shown in errors before the URL is fully parsed: never with its password.
    const QString shown = url.scheme + u"://"_s
                          + (rest.contains(u'@') ? u"…@"_s + rest.section(u'@', -1) : rest);
    if (Result<> r = parseQuery(query, url, shown); !r)
        return r.error();
    if (url.dialect == SqlDialect::SQLite) {
        if (Result<> r = parseSqlitePath(rest, baseDir, url, shown); !r)
            return r.error();
        return url;
    }
    if (Result<> r = parseServer(rest, url, shown); !r)
        return r.error();
    return url;
}

QString DatabaseUrl::toDisplayString() const
{
    if (dialect == SqlDialect::SQLite)
        return isMemory() ? u"sqlite://"_s : u"sqlite:///"_s + database;
    QString out = scheme + u"://"_s;
    if (!user.isEmpty() || !password.isEmpty()) {
        out += encode(user);
        if (!password.isEmpty())
            out += u":***"_s;
        out += u'@';
    }
    out += host.contains(u':') ? u'[' + host + u']' : host;
    if (port > 0)
        out += u':' + QString::number(port);
    out += u'/' + encode(database);
    QStringList options;
    if (!socket.isEmpty())
        options << u"socket="_s + socket;
    if (!sslMode.isEmpty())
        options << u"sslmode="_s + sslMode;
    if (!options.isEmpty())
        out += u'?' + options.join(u'&');
    return out;
}

} // namespace Retort

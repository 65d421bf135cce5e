#include "sqlalchemyurl.h"

#include <engine/core/enginetr.h>

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

Error urlError(const QString &message)
{
    return Error(Error::Kind::Config, message);
}

// Query options that tune the Python driver and mean nothing to Retort's connection.
bool isDriverTuning(const QString &key)
{
    static const QStringList keys{u"charset"_s, u"client_encoding"_s, u"application_name"_s,
                                  u"use_unicode"_s, u"binary_prefix"_s, u"check_same_thread"_s,
                                  u"timeout"_s, u"cached_statements"_s, u"async_fallback"_s,
                                  u"prepared_statement_cache_size"_s, u"autocommit"_s};
    return keys.contains(key);
}

// The URL as safe to show: "scheme://…@host/db" without user and password.
QString shown(const QString &scheme, const QString &rest)
{
    const qsizetype at = rest.lastIndexOf(u'@');
    return scheme + u"://"_s + (at >= 0 ? u"…@"_s + rest.mid(at + 1) : rest);
}

Result<QString> sqlitePath(const QString &rest, const QString &workingDir)
{
    // sqlite:// and sqlite:///:memory: are in memory; sqlite:///x relative, sqlite:////x absolute.
    if (rest.isEmpty() || rest == u"/" || rest == u"/:memory:")
        return u"sqlite://"_s;
    if (!rest.startsWith(u'/'))
        return urlError(Tr::tr("SQLite URL 'sqlite://%1' has a host part; SQLAlchemy expects "
                               "sqlite:///relative.db or sqlite:////absolute/path.db.").arg(rest));
    const QString path = rest.mid(1); // literal: SQLAlchemy does not decode the database
    const QString cwd = workingDir.isEmpty() ? QDir::currentPath() : workingDir;
    const QString absolute = QDir::cleanPath(QDir(cwd).absoluteFilePath(path));
    QString encoded = absolute;
    encoded.replace(u'%', u"%25"_s);
    return QString(u"sqlite:///"_s + encoded);
}

} // namespace

Result<QString> SqlAlchemyUrl::toRetortUrl(const QString &url, const QString &workingDir)
{
    const QString text = url.trimmed();
    const qsizetype sep = text.indexOf(u"://"_s);
    static const QRegularExpression nameRe(u"^[\\w+]+$"_s);
    if (sep <= 0 || !nameRe.match(text.left(sep)).hasMatch())
        return urlError(Tr::tr("'%1' is not an SQLAlchemy URL; expected dialect+driver://user@host/db.")
                            .arg(text.section(u'@', -1)));
    const QString name = text.left(sep).toLower();
    const QString dialect = name.section(u'+', 0, 0);
    QString scheme;
    if (dialect == u"postgresql" || dialect == u"postgres")
        scheme = u"postgresql"_s;
    else if (dialect == u"mysql" || dialect == u"mariadb" || dialect == u"sqlite")
        scheme = dialect;
    else
        return urlError(Tr::tr("The database dialect '%1' of sqlalchemy.url is not supported; "
                               "Retort works with SQLite, PostgreSQL, MySQL and MariaDB.")
                            .arg(dialect));
    QString rest = text.mid(sep + 3);
    QString query;
    if (const qsizetype q = rest.indexOf(u'?'); q >= 0) {
        query = rest.mid(q + 1);
        rest.truncate(q);
    }
    QStringList options;
    for (const QString &pair : query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        const QString rawKey = eq < 0 ? pair : pair.left(eq);
        const QString key = QUrl::fromPercentEncoding(QString(rawKey).replace(u'+', u' ').toUtf8());
        const QString rawValue = eq < 0 ? QString() : pair.mid(eq + 1);
        if ((key == u"host" && scheme == u"postgresql") || key == u"unix_socket") {
            options << u"socket="_s + rawValue;
        } else if (key == u"sslmode" || key == u"connect_timeout") {
            options << key + u'=' + rawValue;
        } else if (!isDriverTuning(key)) {
            return urlError(Tr::tr("The option '%1' in sqlalchemy.url %2 has no Retort "
                                   "equivalent; pass the URL with --url instead.")
                                .arg(key, shown(name, rest)));
        }
    }
    if (scheme == u"sqlite")
        return sqlitePath(rest, workingDir);
    // The database part is literal in SQLAlchemy; Retort decodes it.
    QString server = rest;
    const qsizetype slash = server.indexOf(u'/', std::max<qsizetype>(0, server.lastIndexOf(u'@')));
    if (slash >= 0)
        server = server.left(slash + 1) + QString(server.mid(slash + 1)).replace(u'%', u"%25"_s);
    QString out = scheme + u"://"_s + server;
    if (!options.isEmpty())
        out += u'?' + options.join(u'&');
    return out;
}

} // namespace Retort

#include "databaselist.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRegularExpression>
#include <QSettings>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

// scheme://user:password@ — the password is group 3.
const QRegularExpression &credentials()
{
    static const QRegularExpression re(u"^([A-Za-z][A-Za-z0-9+.-]*://)([^:@/]*):([^@/]*)@"_s);
    return re;
}

// Session passwords: process memory only, keyed by ini path and database name.
QHash<QString, QString> &sessionPasswords()
{
    static QHash<QString, QString> passwords;
    return passwords;
}

} // namespace

DatabaseList::DatabaseList(const QString &projectIniPath)
    : m_iniPath(projectIniPath)
{}

QString DatabaseList::settingsGroup() const
{
    const QByteArray hash = QCryptographicHash::hash(m_iniPath.toUtf8(), QCryptographicHash::Sha1);
    return u"projects/"_s + QString::fromLatin1(hash.toHex().left(16)) + u"/databases"_s;
}

void DatabaseList::setDatabases(const QList<NamedDatabase> &databases)
{
    m_databases.clear();
    for (NamedDatabase db : databases) {
        db.url = withoutPassword(db.url);
        m_databases.append(db);
    }
}

void DatabaseList::load()
{
    QSettings settings;
    const int count = settings.beginReadArray(settingsGroup());
    QList<NamedDatabase> databases;
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        databases.append({settings.value(u"name"_s).toString(), settings.value(u"url"_s).toString()});
    }
    settings.endArray();
    setDatabases(databases);
}

void DatabaseList::save() const
{
    QSettings settings;
    settings.remove(settingsGroup());
    settings.beginWriteArray(settingsGroup(), int(m_databases.size()));
    for (int i = 0; i < m_databases.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(u"name"_s, m_databases.at(i).name);
        settings.setValue(u"url"_s, withoutPassword(m_databases.at(i).url));
    }
    settings.endArray();
    settings.setValue(u"projects/"_s + settingsGroup().section(u'/', 1, 1) + u"/ini"_s, m_iniPath);
}

QString DatabaseList::connectUrl(const QString &name) const
{
    for (const NamedDatabase &db : m_databases) {
        if (db.name == name)
            return withPassword(db.url, sessionPassword(name));
    }
    return {};
}

void DatabaseList::setSessionPassword(const QString &name, const QString &password)
{
    if (password.isEmpty())
        sessionPasswords().remove(m_iniPath + u'\n' + name);
    else
        sessionPasswords().insert(m_iniPath + u'\n' + name, password);
}

QString DatabaseList::sessionPassword(const QString &name) const
{
    return sessionPasswords().value(m_iniPath + u'\n' + name);
}

QString DatabaseList::withoutPassword(const QString &url)
{
    const QRegularExpressionMatch m = credentials().match(url);
    if (!m.hasMatch() || m.captured(3).startsWith(u"${"_s))
        return url;
    return m.captured(1) + m.captured(2) + u"@"_s + url.mid(m.capturedEnd(0));
}

QString DatabaseList::withPassword(const QString &url, const QString &password)
{
    if (password.isEmpty())
        return url;
    const QString bare = withoutPassword(url);
    static const QRegularExpression user(u"^([A-Za-z][A-Za-z0-9+.-]*://)([^:@/]*)@"_s);
    const QRegularExpressionMatch m = user.match(bare);
    if (!m.hasMatch())
        return url;
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(password));
    return m.captured(1) + m.captured(2) + u":"_s + encoded + u"@"_s + bare.mid(m.capturedEnd(0));
}

} // namespace Retort::Ui

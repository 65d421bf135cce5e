#pragma once

#include <QList>
#include <QString>

namespace Retort::Ui {

// One named database of a project (dev, test, ...), as kept in the user's settings.
struct NamedDatabase
{
    QString name;
    QString url; // never holds a literal password; "${VAR}" references are kept
    bool operator==(const NamedDatabase &) const = default;
};

// The named databases of one project, in QSettings under the project's ini path. Passwords are
// never written: they are stripped from URLs before saving, and a password typed in the dialog
// lives in memory for this session only.
class DatabaseList
{
public:
    explicit DatabaseList(const QString &projectIniPath);

    QList<NamedDatabase> databases() const { return m_databases; }
    void setDatabases(const QList<NamedDatabase> &databases); // strips passwords
    void load();
    void save() const;

    // The URL to connect with: the stored one plus this session's password, if any.
    QString connectUrl(const QString &name) const;
    void setSessionPassword(const QString &name, const QString &password);
    QString sessionPassword(const QString &name) const;

    // "postgresql://u:secret@h/db" -> "postgresql://u@h/db"; "${VAR}" passwords are kept.
    static QString withoutPassword(const QString &url);
    static QString withPassword(const QString &url, const QString &password);

private:
    QString settingsGroup() const;

    QString m_iniPath;
    QList<NamedDatabase> m_databases;
};

} // namespace Retort::Ui

#pragma once

#include "databaselist.h"

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace Retort::Ui {

// Edits a project's named databases: name, URL, and a password for this session only.
class DatabasesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DatabasesDialog(const QList<NamedDatabase> &databases, QWidget *parent = nullptr);

    QList<NamedDatabase> databases() const { return m_databases; }
    // Name -> password typed this time (not saved anywhere).
    QHash<QString, QString> sessionPasswords() const { return m_passwords; }

    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    void addDatabase();
    void removeCurrent();

private:
    void showCurrent();
    void storeCurrent();

    QList<NamedDatabase> m_databases;
    QHash<QString, QString> m_passwords;
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_password = nullptr;
    int m_shown = -1;
};

} // namespace Retort::Ui

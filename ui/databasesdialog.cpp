#include "databasesdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

DatabasesDialog::DatabasesDialog(const QList<NamedDatabase> &databases, QWidget *parent)
    : QDialog(parent)
    , m_databases(databases)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_password(new QLineEdit(this))
{
    setWindowTitle(tr("Databases"));
    m_password->setEchoMode(QLineEdit::Password);
    m_url->setPlaceholderText(u"postgresql://user@localhost:5432/app_dev"_s);
    m_password->setPlaceholderText(tr("Used this session only; never saved"));
    for (const NamedDatabase &db : std::as_const(m_databases))
        m_list->addItem(db.name);

    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, &DatabasesDialog::addDatabase);
    connect(remove, &QPushButton::clicked, this, &DatabasesDialog::removeCurrent);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("URL:"), m_url);
    form->addRow(tr("Password:"), m_password);
    auto *note = new QLabel(tr("Passwords are never stored. Write ${VARIABLE} in the URL to take "
                               "one from the environment, or type it above for this session."),
                            this);
    note->setWordWrap(true);
    form->addRow(note);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(buttons);
    auto *top = new QHBoxLayout;
    top->addLayout(left, 1);
    top->addLayout(form, 2);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, [this] {
        storeCurrent();
        accept();
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(box);
    resize(640, 320);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        storeCurrent();
        showCurrent();
    });
    if (!m_databases.isEmpty())
        m_list->setCurrentRow(0);
    else
        showCurrent();
}

void DatabasesDialog::addDatabase()
{
    storeCurrent();
    m_databases.append({tr("database %1").arg(m_databases.size() + 1), QString()});
    m_list->addItem(m_databases.last().name);
    m_list->setCurrentRow(int(m_databases.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void DatabasesDialog::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    m_shown = -1; // do not write the fields back into the removed entry
    m_passwords.remove(m_databases.at(row).name);
    m_databases.removeAt(row);
    delete m_list->takeItem(row);
    showCurrent();
}

void DatabasesDialog::showCurrent()
{
    m_shown = m_list->currentRow();
    const bool valid = m_shown >= 0 && m_shown < m_databases.size();
    m_name->setEnabled(valid);
    m_url->setEnabled(valid);
    m_password->setEnabled(valid);
    m_name->setText(valid ? m_databases.at(m_shown).name : QString());
    m_url->setText(valid ? m_databases.at(m_shown).url : QString());
    m_password->setText(valid ? m_passwords.value(m_databases.at(m_shown).name) : QString());
}

void DatabasesDialog::storeCurrent()
{
    if (m_shown < 0 || m_shown >= m_databases.size())
        return;
    NamedDatabase &db = m_databases[m_shown];
    const QString oldName = db.name;
    db.name = m_name->text().trimmed();
    db.url = m_url->text().trimmed();
    QString password = m_password->text();
    // A password typed into the URL moves to the session password and out of the URL.
    const QString bare = DatabaseList::withoutPassword(db.url);
    if (bare != db.url && password.isEmpty()) {
        const int at = int(db.url.indexOf(u'@'));
        const int colon = int(db.url.lastIndexOf(u':', at));
        password = QUrl::fromPercentEncoding(db.url.mid(colon + 1, at - colon - 1).toUtf8());
    }
    db.url = bare;
    m_passwords.remove(oldName);
    if (!password.isEmpty())
        m_passwords.insert(db.name, password);
    if (QListWidgetItem *item = m_list->item(m_shown))
        item->setText(db.name);
}

} // namespace Retort::Ui

#include "newrevisiondialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

NewRevisionDialog::NewRevisionDialog(const QList<Parent> &parents, const QString &preselected,
                                     QWidget *parent)
    : QDialog(parent)
    , m_parents(parents)
    , m_message(new QLineEdit(this))
    , m_parent(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"newRevisionDialog"_s);
    setWindowTitle(tr("New Revision"));
    setMinimumWidth(480);
    m_message->setObjectName(u"newRevisionMessage"_s);
    m_parent->setObjectName(u"newRevisionParent"_s);
    for (const Parent &p : parents) {
        m_parent->addItem(p.isHead ? tr("%1  %2 (head)").arg(p.id, p.message)
                                   : tr("%1  %2 (starts a new branch)").arg(p.id, p.message),
                          p.id);
    }
    m_parent->setPlaceholderText(tr("Choose the revision it follows"));
    m_parent->setCurrentIndex(m_parent->findData(preselected)); // -1: the user chooses
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Message:"), m_message);
    form->addRow(tr("&Parent:"), m_parent);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_message, &QLineEdit::textChanged, this, &NewRevisionDialog::updateOk);
    connect(m_parent, &QComboBox::currentIndexChanged, this, &NewRevisionDialog::updateOk);
    updateOk();
}

QString NewRevisionDialog::message() const
{
    return m_message->text().trimmed();
}

QString NewRevisionDialog::parentId() const
{
    return m_parent->currentData().toString();
}

bool NewRevisionDialog::startsBranch() const
{
    const int index = m_parent->currentIndex();
    return index >= 0 && !m_parents.at(index).isHead;
}

void NewRevisionDialog::updateOk()
{
    // No parents at all: the first revision of the project, on base.
    const bool parentChosen = m_parents.isEmpty() || m_parent->currentIndex() >= 0;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(parentChosen && !message().isEmpty());
}

} // namespace Retort::Ui

#include "sqlpreviewdialog.h"

#include "scripteditor.h"

#include <engine/core/filewriter.h>

#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

SqlPreviewDialog::SqlPreviewDialog(const QString &title, const QString &sql, SqlDialect dialect,
                                   QWidget *parent)
    : QDialog(parent)
    , m_editor(new ScriptEditor(this))
{
    setWindowTitle(title);
    m_editor->setDialect(dialect);
    m_editor->textEdit()->setText(sql);
    m_editor->textEdit()->setReadOnly(true);
    m_editor->textEdit()->setModified(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    QPushButton *save = buttons->addButton(tr("Save As..."), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_editor->text()); });
    connect(save, &QPushButton::clicked, this, &SqlPreviewDialog::saveAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addWidget(buttons);
    resize(760, 560);
}

void SqlPreviewDialog::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save SQL"), QString(),
                                                      tr("SQL files (*.sql)"));
    if (path.isEmpty())
        return;
    const Result<> written = FileWriter::write(path, m_editor->text().toUtf8(), Error::Kind::Config);
    if (!written)
        QMessageBox::warning(this, tr("Save SQL"), written.error().toString());
}

} // namespace Retort::Ui

#pragma once

#include <engine/workspace/migrationpreview.h>
#include <engine/workspace/migrationrequest.h>

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Retort::Ui {

// The one confirmation before a downgrade, a stamp or an "… to here" (issue #16, point 3): the
// revisions it runs (or stamps) in order, the version table's rows before and after, the SQL
// with the statements that drop data marked. Cancel is the default button.
class PreviewDialog : public QDialog
{
    Q_OBJECT
public:
    // `database`: how the database is named in the question ("the database", "staging").
    PreviewDialog(const MigrationRequest &request, const MigrationPreview &preview,
                  const QString &database, QWidget *parent = nullptr);

    const MigrationRequest &request() const { return m_request; }
    QString question() const;
    QStringList stepTexts() const;
    QString rowsText() const;
    QString sqlText() const;
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }

    // The line put above each statement that drops data.
    static QString destructiveMarker();

private:
    void markDestructive(const MigrationPreview &preview);

    MigrationRequest m_request;
    QLabel *m_question = nullptr;
    QListWidget *m_steps = nullptr;
    QLabel *m_rows = nullptr;
    QPlainTextEdit *m_sql = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace Retort::Ui

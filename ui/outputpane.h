#pragma once

#include <engine/core/error.h>

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Retort::Ui {

// The output dock: one line per revision run and per statement with its time, errors in red
// with file:line (activating one asks to open the file there), and the progress of the running
// command ("3 of 12") with Cancel.
class OutputPane : public QWidget
{
    Q_OBJECT
public:
    explicit OutputPane(QWidget *parent = nullptr);

    void addInfo(const QString &text);
    // The whole text stays readable: one child row per sentence under the (elided) row, and a
    // tooltip that wraps.
    void addError(const Error &error);
    // A run's outcome in words; with `file`, a link that opens it at `line` (marking `message`
    // there when given).
    void addOutcome(const QString &text, const QString &file, int line, const QString &message);
    // `file`: the revision's file, so that its statements open the editor at their line.
    void startStep(int index, int count, const QString &revision, const QString &message,
                   const QString &file);
    void addStatement(const QString &sql, int line, qint64 ms);
    void finishStep(const QString &revision, qint64 ms);
    void setPlan(int steps);
    void setBusy(bool busy);
    void clear();

    QTreeWidget *list() const { return m_list; }
    QString progressText() const;

signals:
    // `message`: the error to mark at that line; empty for a plain location.
    void locationActivated(const QString &file, int line, const QString &message);
    void cancelRequested();

private:
    QTreeWidgetItem *append(const QString &time, const QString &text, QTreeWidgetItem *parent);

    QTreeWidget *m_list = nullptr;
    QWidget *m_progressRow = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QPushButton *m_cancel = nullptr;
    QTreeWidgetItem *m_step = nullptr;
    QString m_stepFile;
};

} // namespace Retort::Ui

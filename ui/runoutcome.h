#pragma once

#include <engine/core/error.h>

#include <QString>
#include <QStringList>

namespace Retort::Ui {

// What a migration that did not finish did, in words (issue #16, point 1): fed from the
// controller's progress signals while it runs, read once the database has been re-read, so the
// sentence names where the database really is: "2 of 5 applied; stopped at f0d4c8b1a627
// (file.sql:10); the database is at 7c2e91d04a3b." A value; GUI thread.
class RunOutcome
{
public:
    // `done`: the participle for a finished step ("applied", "undone", "stamped").
    void begin(const QString &done);
    // One plan of the run; a run over several heads has several, one after another.
    void planned(int steps);
    void stepStarted(const QString &revision, const QString &file);
    void stepFinished();
    void failed(const Error &error);
    void clear() { *this = RunOutcome(); }

    bool isRunning() const { return m_running; }
    bool hasFailed() const { return m_failed; }
    // The sentence, `heads` being the version table's rows read after the run (`known` false:
    // the database could not be read again).
    QString sentence(const QStringList &heads, bool known) const;
    // Where the run stopped: the failing statement's file and line when the error has them,
    // else the file of the revision that was running (line 0). Empty when none was.
    QString file() const;
    int line() const { return m_error.line; }
    const Error &error() const { return m_error; }

private:
    QString m_done;
    int m_planned = 0; // steps of the plans seen so far
    int m_finished = 0;
    QString m_current; // the revision started and not finished
    QString m_currentFile;
    Error m_error;
    bool m_running = false;
    bool m_failed = false;
};

} // namespace Retort::Ui

#pragma once

#include "preparedstep.h"
#include "runreport.h"

#include <engine/core/canceltoken.h>
#include <engine/core/progress.h>
#include <engine/core/result.h>
#include <engine/revision/revision.h>
#include <engine/sql/statement.h>

#include <functional>

namespace Retort {

class Connection;
class HistoryTable;
class VersionTable;

// Runs prepared steps on one connection: transactions, statements, version changes, history
// rows, events, cancel. Keeps track of what is committed so failures can say so.
class StepExecutor
{
public:
    // wholeCommand: one transaction around all steps (noTransaction steps commit it, run
    // outside, and open a new one, as Alembic's autocommit_block does).
    StepExecutor(Connection &connection, VersionTable &versions, HistoryTable &history,
                 ProgressSink &sink, const CancelToken &cancel, bool wholeCommand);

    // The version-table rows the plan starts from. Each transaction re-reads them before its
    // first step runs; runStep() reports a difference as "stale", having changed nothing, and
    // the caller re-plans. The whole-command lock makes that rare; it is what keeps SQLite in
    // WAL mode, where the lock cannot keep other writers out, running each revision once.
    void setExpectedHeads(const QStringList &heads) { m_expected = heads; }
    // false: nobody else can write while the command runs (see DatabaseLock), so the re-reads
    // are left out.
    void setRecheckHeads(bool recheck) { m_recheckHeads = recheck; }

    // SQLite with foreign keys on: the Runner turns them off for the run (SQLite's procedure for
    // schema changes, so a table rebuild's DROP TABLE cascades to nothing) and each commit first
    // runs PRAGMA foreign_key_check; a violation fails the step. The check reads every table,
    // so it is left out when the transaction ran only statements that cannot break a foreign key.
    void setForeignKeyCheck(bool check) { m_checkForeignKeys = check; }
    // The user waived the check (--no-foreign-key-check): nothing is checked, rows that break a
    // foreign key are committed as they are.
    void setForeignKeyCheckWaived(bool waived) { m_checkWaived = waived; }
    // SQLite, before the first step of a plan with a "-- migrate:foreign-keys-off" step: fails,
    // naming the rows, when rows already break a foreign key, since the check before that step's
    // commit would fail on them after all the work. Call it outside a transaction.
    Result<> refuseExistingViolations(const QList<PreparedStep> &steps);

    Result<> start();
    // true: done (committed unless one transaction spans the command); false: stale, nothing
    // done, re-plan from the current heads.
    Result<bool> runStep(const PreparedStep &step, int index, int count);
    Result<> finish();
    // Cancel between steps: rolls back what is open and returns the Kind::Cancelled error.
    Error cancelBetweenSteps(int done, int count);

    const QList<StepReport> &committed() const { return m_committed; }

private:
    Result<> begin();
    Result<bool> headsAsExpected();
    Result<> checkForeignKeys();
    // The first rows of PRAGMA foreign_key_check, "child rowid 1 (no row in parent), ...", or
    // empty when there are none.
    Result<QString> violations();
    // An error with message(the violations) when rows break a foreign key; {} when none do.
    Result<> failOnViolations(const std::function<QString(const QString &)> &message,
                              const QString &file = {});
    Result<> commit();
    void rollback();
    Result<> runStatements(const PreparedStep &step, int *executed);
    Result<> recordStep(const PreparedStep &step, qint64 ms);
    Error stepFailed(const PreparedStep &step, const Error &cause, int executed, bool cancelled);
    QString committedSentence() const;

    Connection &m_connection;
    VersionTable &m_versions;
    HistoryTable &m_history;
    ProgressSink &m_sink;
    const CancelToken &m_cancel;
    bool m_wholeCommand = false;
    bool m_inTransaction = false;
    bool m_needsCheck = true;
    bool m_recheckHeads = true;
    bool m_checkForeignKeys = false;
    bool m_foreignKeysAtRisk = false; // the open transaction ran a statement that may break one
    bool m_foreignKeysOffStep = false; // the open transaction runs a foreign-keys-off revision
    bool m_checkWaived = false;
    QStringList m_expected;
    QList<StepReport> m_committed;
    QList<StepReport> m_pending; // done inside the open transaction, not yet committed
};

} // namespace Retort

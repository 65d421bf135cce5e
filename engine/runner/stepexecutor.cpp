#include "stepexecutor.h"

#include "historytable.h"
#include "versiontable.h"

#include <engine/core/enginetr.h>
#include <engine/sql/statementclassifier.h>
#include <engine/db/connection.h>

#include <QElapsedTimer>

#include <algorithm>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

QString revisionsText(const QList<StepReport> &steps)
{
    QStringList names;
    for (const StepReport &s : steps)
        names << (s.revision.isEmpty() ? u"<base>"_s : s.revision);
    return names.join(u", "_s);
}

// First line of a statement, shortened, for lists in messages.
QString shortStatement(const Statement &s)
{
    QString text = s.text.section(u'\n', 0, 0).simplified();
    if (text.size() > 60 || s.text.contains(u'\n'))
        text = text.left(57) + u"..."_s;
    return Tr::tr("line %1: %2").arg(s.line).arg(text);
}

} // namespace

StepExecutor::StepExecutor(Connection &connection, VersionTable &versions, HistoryTable &history,
                           ProgressSink &sink, const CancelToken &cancel, bool wholeCommand)
    : m_connection(connection)
    , m_versions(versions)
    , m_history(history)
    , m_sink(sink)
    , m_cancel(cancel)
    , m_wholeCommand(wholeCommand)
{}

Result<> StepExecutor::begin()
{
    // SQLite: take the write lock now, so that the heads read next cannot change under us.
    const QString sql = m_connection.dialect() == SqlDialect::SQLite ? u"BEGIN IMMEDIATE"_s
                                                                     : u"BEGIN"_s;
    if (Result<> r = m_connection.exec(sql); !r)
        return r;
    m_inTransaction = true;
    m_needsCheck = true;
    return {};
}

Result<bool> StepExecutor::headsAsExpected()
{
    const Result<QStringList> heads = m_versions.heads();
    if (!heads)
        return heads.error();
    QStringList expected = m_expected;
    expected.sort();
    QStringList actual = *heads;
    actual.sort();
    m_needsCheck = false;
    return actual == expected;
}

Result<> StepExecutor::commit()
{
    if (!m_inTransaction)
        return {};
    if (Result<> r = checkForeignKeys(); !r)
        return r;
    if (Result<> r = m_connection.exec(u"COMMIT"_s); !r)
        return r;
    m_inTransaction = false;
    m_committed += m_pending;
    m_pending.clear();
    return {};
}

Result<QString> StepExecutor::violations()
{
    // Five rows name the problem; the whole list may be millions of rows long.
    const int shown = 5;
    const QString sql =
        u"SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT %1"_s.arg(shown + 1);
    const Result<QList<QVariantList>> rows = m_connection.select(sql);
    if (!rows)
        return rows.error();
    QStringList names;
    for (const QVariantList &row : rows->first(qMin<qsizetype>(rows->size(), shown))) {
        const QString rowid = row.value(1).isNull() ? Tr::tr("a WITHOUT ROWID row")
                                                    : u"rowid "_s + row.value(1).toString();
        names << Tr::tr("%1 %2 (no row in %3)")
                     .arg(row.value(0).toString(), rowid, row.value(2).toString());
    }
    if (rows->size() > shown)
        names << Tr::tr("and more");
    return names.join(u", "_s);
}

Result<> StepExecutor::failOnViolations(const std::function<QString(const QString &)> &message,
                                        const QString &file)
{
    const Result<QString> found = violations();
    if (!found)
        return found.error();
    if (found->isEmpty())
        return {};
    Error e(Error::Kind::Database, message(*found));
    e.file = file;
    e.sql = u"PRAGMA foreign_key_check"_s;
    return e;
}

Result<> StepExecutor::checkForeignKeys()
{
    const bool atRisk = std::exchange(m_foreignKeysAtRisk, false);
    const bool foreignKeysOffStep = std::exchange(m_foreignKeysOffStep, false);
    if (m_checkWaived || !atRisk || !(m_checkForeignKeys || foreignKeysOffStep))
        return {};
    return failOnViolations([](const QString &found) {
        return Tr::tr("Foreign key check failed before commit, rows break a foreign key: %1. Fix "
                      "or delete those rows, or run again with --no-foreign-key-check to keep "
                      "them.")
            .arg(found);
    });
}

Result<> StepExecutor::refuseExistingViolations(const QList<PreparedStep> &steps)
{
    if (m_checkWaived || m_connection.dialect() != SqlDialect::SQLite)
        return {};
    const auto step = std::find_if(steps.cbegin(), steps.cend(),
                                   [](const PreparedStep &p) { return p.foreignKeysOff; });
    if (step == steps.cend())
        return {};
    const QString revision = step->step.revision;
    return failOnViolations(
        [&revision](const QString &found) {
            return Tr::tr("Revision %1 rebuilds tables with foreign keys off "
                          "(migrate:foreign-keys-off) and commits only if no row breaks a foreign "
                          "key, but these rows already do: %2; nothing was run. Fix or delete "
                          "those rows, or run again with --no-foreign-key-check to apply the "
                          "revision and keep them.")
                .arg(revision, found);
        },
        step->revision ? step->revision->filePath : QString());
}

void StepExecutor::rollback()
{
    if (m_inTransaction)
        (void) m_connection.exec(u"ROLLBACK"_s);
    m_inTransaction = false;
    m_foreignKeysAtRisk = false;
    m_foreignKeysOffStep = false;
}

Result<> StepExecutor::start()
{
    return m_wholeCommand ? begin() : Result<>();
}

Result<> StepExecutor::finish()
{
    if (Result<> r = commit(); !r) {
        rollback();
        return r.error().withContext(Tr::tr("Committing the migration"));
    }
    return {};
}

Result<> StepExecutor::runStatements(const PreparedStep &p, int *executed)
{
    for (const Statement &s : p.statements) {
        if (m_cancel.isCancelled())
            return Error(Error::Kind::Cancelled, Tr::tr("Cancelled."));
        QElapsedTimer timer;
        timer.start();
        if (Result<> r = m_connection.exec(s.text, s.line); !r) {
            Error e = r.error();
            e.sql = s.text;
            e.line = s.line;
            return e;
        }
        ++*executed;
        m_foreignKeysAtRisk = m_foreignKeysAtRisk || StatementClassifier::mayBreakForeignKeys(s.text);
        m_sink.report(Progress::StatementDone{s.text, s.line, timer.elapsed()});
    }
    return {};
}

Result<> StepExecutor::recordStep(const PreparedStep &p, qint64 ms)
{
    for (const VersionChange &change : p.step.versionChanges) {
        if (Result<> r = m_versions.apply(change); !r)
            return r;
        if (change.kind != VersionChange::Kind::Insert)
            m_expected.removeAll(change.from);
        if (change.kind != VersionChange::Kind::Delete)
            m_expected << change.to;
    }
    for (const auto &[revision, checksum] : p.historyRows) {
        HistoryEntry entry;
        entry.revision = revision;
        entry.direction = p.direction;
        entry.checksum = checksum;
        entry.durationMs = ms;
        if (Result<> r = m_history.record(entry); !r)
            return r;
    }
    return {};
}

Result<bool> StepExecutor::runStep(const PreparedStep &p, int index, int count)
{
    // A no-transaction revision runs in autocommit mode; a command-wide transaction is
    // committed first and reopened after it.
    const bool sqlite = m_connection.dialect() == SqlDialect::SQLite;
    // foreign-keys-off: SQLite changes the setting only outside a transaction. The Runner has
    // switched foreign keys off for the command already, unless they were off to begin with.
    if (sqlite && p.foreignKeysOff && !m_inTransaction) {
        if (Result<> r = m_connection.exec(u"PRAGMA foreign_keys=OFF"_s); !r)
            return stepFailed(p, r.error(), 0, false);
    }
    const Result<> opened = p.noTransaction ? commit() : (m_inTransaction ? Result<>() : begin());
    if (!opened)
        return stepFailed(p, opened.error(), 0, false);
    if (sqlite && p.foreignKeysOff) {
        m_foreignKeysOffStep = true; // checked before commit even if they were off before the run
        m_foreignKeysAtRisk = true;
    }
    if (m_recheckHeads && (m_needsCheck || p.noTransaction)) {
        const Result<bool> current = headsAsExpected();
        if (!current)
            return stepFailed(p, current.error(), 0, false);
        if (!*current && m_pending.isEmpty()) {
            rollback();
            return false;
        }
        if (!*current)
            return stepFailed(p, Error(Error::Kind::Internal, Tr::tr("The version table changed "
                                                                     "inside a transaction.")),
                              0, false);
    }
    m_sink.report(Progress::StepStarted{index, count, p.direction, p.step.fromRevisions,
                                        p.step.toRevisions, p.step.revision, p.message});
    QElapsedTimer timer;
    timer.start();
    int executed = 0;
    if (Result<> r = runStatements(p, &executed); !r)
        return stepFailed(p, r.error(), executed, r.error().kind == Error::Kind::Cancelled);
    if (p.noTransaction || !m_inTransaction) {
        // A revision written before foreign-keys-off existed switches them back on itself.
        if (p.noTransaction && m_checkForeignKeys) {
            if (Result<> r = m_connection.exec(u"PRAGMA foreign_keys=OFF"_s); !r)
                return stepFailed(p, r.error(), executed, false);
        }
        if (Result<> r = begin(); !r)
            return stepFailed(p, r.error(), executed, false);
        m_needsCheck = false; // checked before the statements
    }
    if (Result<> r = recordStep(p, timer.elapsed()); !r)
        return stepFailed(p, r.error(), executed, false);
    m_pending << StepReport{p.step.revision, p.direction, p.step.fromRevisions,
                            p.step.toRevisions, executed, timer.elapsed()};
    if (!m_wholeCommand) {
        if (Result<> r = commit(); !r) {
            m_pending.clear();
            return stepFailed(p, r.error(), executed, false);
        }
    }
    m_sink.report(Progress::StepFinished{index, p.step.revision, timer.elapsed()});
    return true;
}

QString StepExecutor::committedSentence() const
{
    if (m_committed.isEmpty())
        return Tr::tr("No revision was committed.");
    return Tr::tr("Committed before it and still applied: %1.").arg(revisionsText(m_committed));
}

Error StepExecutor::stepFailed(const PreparedStep &p, const Error &cause, int executed,
                               bool cancelled)
{
    const QList<StepReport> lost = m_pending;
    m_pending.clear();
    rollback();
    QStringList parts;
    parts << (cancelled ? Tr::tr("Cancelled while running %1.").arg(p.shortLog())
                        : Tr::tr("Running %1 failed: %2").arg(p.shortLog(), cause.message));
    if (p.noTransaction)
        parts << Tr::tr("The revision runs outside a transaction (migrate:no-transaction), so its "
                        "statements before that point stay applied.");
    else
        parts << Tr::tr("Its transaction was rolled back.");
    if (!lost.isEmpty())
        parts << Tr::tr("Rolled back with it (one transaction for the command): %1.")
                     .arg(revisionsText(lost));
    parts << committedSentence();
    if (m_connection.dialect() == SqlDialect::MySQL && !p.noTransaction && executed > 0) {
        QStringList ran;
        for (int i = 0; i < executed; ++i)
            ran << shortStatement(p.statements.at(i));
        parts << Tr::tr("MySQL/MariaDB commits DDL implicitly, so these statements of %1 had "
                        "already run and may stay applied: %2.")
                     .arg(p.step.revision, ran.join(u"; "_s));
    }
    if (const Result<QStringList> heads = m_versions.heads())
        parts << Tr::tr("The version table holds: %1.")
                     .arg(heads->isEmpty() ? Tr::tr("no revision") : heads->join(u", "_s));
    Error e(cancelled ? Error::Kind::Cancelled : cause.kind, parts.join(u' '));
    e.file = p.revision ? p.revision->filePath : QString();
    e.line = cause.line;
    e.sql = cause.sql;
    e.detail = cause.detail;
    return e;
}

Error StepExecutor::cancelBetweenSteps(int done, int count)
{
    const QList<StepReport> lost = m_pending;
    m_pending.clear();
    rollback();
    QString message = Tr::tr("Cancelled after %1 of %2 revisions.").arg(done).arg(count);
    if (!lost.isEmpty())
        message += u' '
                   + Tr::tr("Rolled back (one transaction for the command): %1.")
                         .arg(revisionsText(lost));
    return Error(Error::Kind::Cancelled, message + u' ' + committedSentence());
}

} // namespace Retort

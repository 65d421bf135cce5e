#include "preparedstep.h"

#include <engine/core/enginetr.h>
#include <engine/revision/revisionscript.h>
#include <engine/sql/transactioncontrol.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

Result<StatementList> statementsOf(const MigrationStep &step, const Revision &rev,
                                   const RunOptions &options, SqlDialect dialect)
{
    const bool up = step.direction == MigrationStep::Direction::Upgrade;
    if (!up && !rev.downgradeSql)
        return Error(Error::Kind::Script,
                     Tr::tr("Revision %1 has no downgrade section (-- migrate:downgrade), so it "
                            "cannot be downgraded; nothing was run.").arg(rev.id),
                     rev.filePath);
    if (!options.split)
        return Error(Error::Kind::Internal, Tr::tr("No statement splitter is configured."));
    const Result<StatementList> statements =
        up ? options.split(rev.upgradeSql, dialect, rev.upgradeLine)
           : options.split(*rev.downgradeSql, dialect, rev.downgradeLine);
    if (!statements) {
        Error e = statements.error();
        if (e.file.isEmpty())
            e.file = rev.filePath;
        return e;
    }
    return statements;
}

// The runner commits a revision together with its version-table change; a COMMIT, ROLLBACK or
// SAVEPOINT of its own would commit half of it, or leave the rest running outside any
// transaction, while the failure message says it was rolled back.
Result<> refuseTransactionControl(const Revision &rev, const StatementList &statements,
                                  SqlDialect dialect)
{
    for (const Statement &s : statements) {
        const QString keyword = TransactionControl::keyword(s.text, dialect);
        if (keyword.isEmpty())
            continue;
        Error e(Error::Kind::Script,
                Tr::tr("%1 in revision %2, which runs in a transaction together with its "
                       "version-table row: remove the statement, or put \"-- migrate:no-transaction\" "
                       "in the header to run the revision without one; nothing was run.")
                    .arg(keyword, rev.id),
                rev.filePath, s.line);
        e.sql = s.text;
        return e;
    }
    return {};
}

QList<QPair<QString, QString>> stampHistory(const MigrationStep &step, const RevisionLookup &lookup)
{
    // step.revision is not used: the planner names the stamped-away revision there when
    // stamping down to base, which must not count as applied.
    QList<QPair<QString, QString>> rows;
    for (const QString &id : step.toRevisions) {
        const Revision *rev = lookup ? lookup(id) : nullptr;
        rows.append({id, rev ? RevisionScript::checksumOf(*rev) : QString()});
    }
    if (step.toRevisions.isEmpty()) {
        for (const QString &id : step.fromRevisions)
            rows.append({id, QString()});
    }
    return rows;
}

} // namespace

QString PreparedStep::shortLog() const
{
    return u"%1 %2 -> %3"_s.arg(alembicLogVerb(direction), step.fromRevisions.join(u", "_s),
                                step.toRevisions.join(u", "_s));
}

Result<QList<PreparedStep>> PreparedStep::prepareAll(const MigrationPlan &plan, bool stamping,
                                                     const RevisionLookup &lookup,
                                                     const RunOptions &options, SqlDialect dialect)
{
    QList<PreparedStep> prepared;
    for (const MigrationStep &step : plan.steps) {
        PreparedStep p;
        p.step = step;
        p.revision = step.revision.isEmpty() || !lookup ? nullptr : lookup(step.revision);
        p.message = p.revision ? p.revision->message : QString();
        if (stamping || step.stamp) {
            p.direction = Direction::Stamp;
            p.historyRows = stampHistory(step, lookup);
            prepared << p;
            continue;
        }
        const bool up = step.direction == MigrationStep::Direction::Upgrade;
        p.direction = up ? Direction::Upgrade : Direction::Downgrade;
        if (!p.revision)
            return Error(Error::Kind::Graph,
                         Tr::tr("Revision %1 is in the plan but not among the revision files; "
                                "nothing was run.").arg(step.revision));
        const Result<StatementList> statements = statementsOf(step, *p.revision, options, dialect);
        if (!statements)
            return statements.error();
        p.statements = *statements;
        p.noTransaction = p.revision->noTransaction;
        p.foreignKeysOff = p.revision->foreignKeysOff;
        if (!p.noTransaction) {
            if (Result<> r = refuseTransactionControl(*p.revision, p.statements, dialect); !r)
                return r.error();
        }
        p.historyRows = {{step.revision, RevisionScript::checksumOf(*p.revision)}};
        prepared << p;
    }
    return prepared;
}

} // namespace Retort

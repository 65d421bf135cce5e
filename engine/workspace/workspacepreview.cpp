// Workspace::preview: the plan, the offline SQL and its destructive statements, without running.
#include "workspace.h"

#include "projectkind.h"

#include <engine/core/enginetr.h>
#include <engine/sql/statementclassifier.h>
#include <engine/sql/statementsplitter.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

Result<MigrationPreview> Workspace::preview(const MigrationRequest &request,
                                            const QStringList &fromHeads) const
{
    const Result<RevisionGraph> graph = loadGraph();
    if (!graph)
        return graph.error();
    const Result<MigrationPlan> plan = request.plan(*graph, fromHeads);
    if (!plan)
        return plan.error();
    MigrationPreview preview;
    preview.headsBefore = plan->headsBefore;
    preview.headsAfter = plan->headsAfter;
    for (const MigrationStep &step : plan->steps) {
        MigrationPreview::Step shown;
        shown.downgrade = step.direction == MigrationStep::Direction::Downgrade;
        shown.stamp = step.stamp;
        shown.revision = step.stamp ? step.toRevisions.join(u", "_s) : step.revision;
        if (const Revision *revision = graph->revision(step.revision)) {
            shown.message = revision->message;
            shown.filePath = revision->filePath;
        }
        preview.steps.append(shown);
    }
    // The SQL the run would send, as --sql writes it (for an Alembic project, its own offline
    // mode); its statements that drop data are marked, the version table's own rows aside.
    const Result<QString> sql = m_kind->offlineScript(request, fromHeads, *graph);
    if (!sql) {
        preview.sqlUnavailable = Tr::tr("The SQL is not available: %1").arg(sql.error().message);
        return preview;
    }
    preview.sql = *sql;
    const SqlDialect dialect = m_url ? m_url->dialect : SqlDialect::SQLite;
    const Result<StatementList> statements = StatementSplitter::split(*sql, dialect);
    if (!statements)
        return preview; // shown as it is, unmarked
    const QString versionTable = m_config.tables.versionTable;
    for (const Statement &statement : *statements) {
        if (!StatementClassifier::dropsData(statement.text)
            || statement.text.contains(versionTable, Qt::CaseInsensitive))
            continue;
        preview.destructive << statement.text.simplified().left(160);
        preview.destructiveLines << statement.line;
    }
    return preview;
}

} // namespace Retort

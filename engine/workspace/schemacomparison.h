#pragma once

#include <engine/workspace/projectstate.h>
#include <engine/diff/diffresult.h>
#include <engine/dialect/renderedstatement.h>
#include <engine/schema/database.h>

#include <QStringList>

namespace Retort {

// The database against the models (README "Autogenerate"): both schemas, the operations between them,
// and the migration rendered for the database's dialect. A value; the GUI's pending changes.
struct SchemaComparison
{
    Schema::Database current; // the database, introspected
    Schema::Database desired; // the models, applied to a scratch database and introspected
    Ops::DiffResult diff;
    RenderedStatementList upgrade;
    RenderedStatementList downgrade;
    DatabaseState state;      // the database's rows (and edited revisions) when it was compared
    bool atHead = true;       // state.heads are the graph's heads (autogenerate needs this)
};

// What `revision --autogenerate` did.
struct AutogenerateResult
{
    QString path;          // the revision file written; empty when there were no changes
    QStringList changes;   // one "Detected ..." line per operation
    QStringList warnings;  // destructive changes and possible renames
};

} // namespace Retort

#pragma once

#include "postgresintrospector.h"

#include <engine/core/result.h>
#include <engine/dialect/modelsscript.h>
#include <engine/schema/database.h>
#include <engine/sql/statement.h>

#include <QList>
#include <QString>

namespace Retort {

class Connection;

// The models as a schema on PostgreSQL (README "Autogenerate"): inside one transaction on the
// target server, a temporary schema with a unique name goes first on the search_path (the
// target schema, `options.schema` or current_schema(), second: the models may use its types),
// the models' statements run there, the schema is introspected, and everything is rolled back,
// on success and on error alike, so nothing is left behind. Before any statement runs,
// PostgresModelsFilter prepares each one: names qualified with the target schema are unqualified
// (pg_dump's output works as models), and what would reach another schema is refused with its
// line. The connection must not be in a transaction.
class PostgresScratch
{
public:
    using Script = ModelsScript;

    // Splits one models file with StatementSplitter (PostgreSQL rules); a split error names the file.
    static Result<Script> script(const QString &file, const QString &sql);

    // `options.schema` names the target schema (empty: current_schema()); the exclusions apply. The result's schemaName is empty.
    // A failing statement gives an error with the script's file, the statement's line and the
    // server's message.
    static Result<Schema::Database> introspectModels(Connection &connection,
                                                     const QList<Script> &scripts,
                                                     const IntrospectOptions &options = {});

    // The same with a given scratch schema name (it must not exist); tests use it to check
    // that the schema is gone afterwards.
    static Result<Schema::Database> introspectModels(Connection &connection,
                                                     const QList<Script> &scripts,
                                                     const IntrospectOptions &options,
                                                     const QString &scratchSchema);

    // retort_scratch_ plus 12 random hex digits.
    static QString uniqueSchemaName();
};

} // namespace Retort

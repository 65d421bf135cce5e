#pragma once

#include <engine/core/result.h>
#include <engine/sql/statement.h>

#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

class ModelsStatement;

// Prepares one statement of the models for PostgreSQL's scratch schema, which is first on the
// search_path with the target schema behind it. Names qualified with the target schema (pg_dump
// writes "public.users", also in 'public.users_id_seq'::regclass) lose the qualifier, so their
// objects land in the scratch schema. search_path settings (SET, RESET, pg_dump's
// set_config('search_path', '', false)) naming only the target schema are skipped, as are
// CREATE SCHEMA of the target itself (pg_dump -n), transaction control, OWNER TO, GRANT and
// REVOKE (owners and privileges are not compared), and psql's meta-commands (\restrict).
// Refused: a name qualified with another schema, search_path set to another schema, CREATE,
// ALTER and DROP SCHEMA, SET SCHEMA, and every statement but CREATE, ALTER, COMMENT, SET, DO
// (its body is not read). Pure function, any thread.
class PostgresModelsFilter
{
public:
    // The text to run, or nullopt to skip the statement. `otherSchemas`: the names of the
    // schemas that exist other than the target, the scratch, pg_catalog and information_schema.
    // A refusal is a Kind::Script error with the line of the offending word (the file is the
    // caller's to set).
    static Result<std::optional<QString>> prepare(const Statement &statement,
                                                  const QString &targetSchema,
                                                  const QStringList &otherSchemas);

private:
    static Result<bool> isNeutralSetting(const ModelsStatement &s, const QString &target);
    static Result<> checkKind(const ModelsStatement &s, const QString &target);
    static Result<QString> unqualified(const ModelsStatement &s, const QString &target,
                                       const QStringList &otherSchemas);
};

} // namespace Retort

#pragma once

#include <engine/config/config.h>
#include <engine/core/result.h>
#include <engine/core/sqldialect.h>
#include <engine/sql/statement.h>
#include <engine/sql/statementsplitter.h>

#include <QString>

#include <functional>

namespace Retort {

// Cuts a revision section into statements: (sql, dialect, 1-based file line of sql's first line).
using StatementSplitFunction =
    std::function<Result<StatementList>(const QString &sql, SqlDialect dialect, int firstLine)>;

// How Runner and OfflineScript run a plan. A value.
struct RunOptions
{
    TableFilter tables; // the version and history tables the runner writes
    bool transactionPerMigration = true; // false: one transaction for the command where the
                                         // engine has transactional DDL (PostgreSQL, SQLite)
    bool purge = false; // stamp --purge: empty the version table before the steps; the same as
                        // MigrationPlan::purge (either one purges)
    int lockTimeoutMs = 60'000; // how long to wait for another migration's lock
    // SQLite: the foreign-key check before each commit (and, with a "-- migrate:foreign-keys-off"
    // revision in the plan, before anything runs). false (`--no-foreign-key-check`): rows that
    // break a foreign key are committed as they are.
    bool foreignKeyCheck = true;
    // How revision sections become statements; tests may plug in their own.
    StatementSplitFunction split = &StatementSplitter::split;

    static RunOptions fromConfig(const Config &config)
    {
        RunOptions o;
        o.tables = config.tables;
        o.transactionPerMigration = config.transactionPerMigration;
        return o;
    }
};

} // namespace Retort

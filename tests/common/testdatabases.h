#pragma once

// Test helpers for real databases. Servers come from scripts/with-test-dbs.sh (make test).
#include <engine/config/databaseurl.h>

#include <QTest>
#include <QtGlobal>

namespace RetortTest {

// URL of the throwaway server for `dialect`, or empty when none is configured.
inline QString serverUrl(Retort::SqlDialect dialect)
{
    switch (dialect) {
    case Retort::SqlDialect::PostgreSQL:
        return qEnvironmentVariable("RETORT_TEST_PG_URL");
    case Retort::SqlDialect::MySQL:
        return qEnvironmentVariable("RETORT_TEST_MYSQL_URL");
    case Retort::SqlDialect::SQLite:
        break;
    }
    return {};
}

inline bool serversRequired()
{
    return qEnvironmentVariableIntValue("RETORT_REQUIRE_SERVERS") == 1;
}

} // namespace RetortTest

// In a test function: QString url; RETORT_REQUIRE_SERVER(SqlDialect::PostgreSQL, url);
// Skips without a server, but fails under `make test` (RETORT_REQUIRE_SERVERS=1).
#define RETORT_REQUIRE_SERVER(dialect, urlVar) \
    do { \
        urlVar = RetortTest::serverUrl(dialect); \
        if (urlVar.isEmpty()) { \
            if (RetortTest::serversRequired()) \
                QFAIL("No test server URL is set although RETORT_REQUIRE_SERVERS=1."); \
            QSKIP("No test server; run under scripts/with-test-dbs.sh (make test)."); \
        } \
    } while (0)

// In a test function: RETORT_REQUIRE_TOOL(AlembicOracle::available(), "alembic for /usr/bin/python3");
// An oracle or helper the test needs (Alembic, libsqlite3, libpg_query): skips without it, but
// fails under `make test` (RETORT_REQUIRE_SERVERS=1), where `make deps` installed it.
#define RETORT_REQUIRE_TOOL(available, what) \
    do { \
        if (!(available)) { \
            if (RetortTest::serversRequired()) \
                QFAIL("Missing " what " although RETORT_REQUIRE_SERVERS=1 (make deps installs it)."); \
            QSKIP("Missing " what "; make deps installs it."); \
        } \
    } while (0)

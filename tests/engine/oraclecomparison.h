#pragma once

// Test helper: random revision graphs with queries, and the comparison of Retort's answers with
// the Alembic oracle's (tests/tools/alembic_oracle.py).

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace OracleComparison {

// A random DAG (bases, branches, merges, labels, depends-on) and a mix of queries and
// upgrade/downgrade/stamp commands; the same seed gives the same spec.
QJsonObject randomSpec(quint32 seed);

// Two to four labelled lines of revisions (bases br0, br1, ...) whose revisions often depend on
// revisions or labels of another line: effective heads, `current` listing depended-on tips.
QJsonObject crossBranchSpec(quint32 seed);

// Runs every query of `spec` through RevisionGraph and MigrationPlanner, feeding each command
// the rows Alembic had, and compares with `oracle`. Empty when all agree, else the first
// difference.
QString compare(const QJsonObject &spec, const QJsonArray &oracle);

} // namespace OracleComparison

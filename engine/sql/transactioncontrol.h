#pragma once

#include <engine/core/sqldialect.h>

#include <QString>
#include <QStringView>

namespace Retort {

// Tells the statements that begin, end or divide a transaction from all others, by their leading
// keywords. It is given one statement as StatementSplitter cut it, so the BEGIN of a trigger,
// routine, DO or BEGIN ATOMIC body never leads one. Pure, any thread.
//
// Transaction control, per dialect:
//   all three:   BEGIN, COMMIT, ROLLBACK (also ROLLBACK TO), SAVEPOINT, RELEASE
//   SQLite:      END (SQLite's alias of COMMIT)
//   PostgreSQL:  START TRANSACTION, END, ABORT, PREPARE TRANSACTION (COMMIT/ROLLBACK PREPARED
//                are covered by COMMIT and ROLLBACK)
//   MySQL/MariaDB: START TRANSACTION, XA ..., SET [SESSION|LOCAL|@@...]autocommit (setting it
//                to 1 commits); MariaDB's BEGIN NOT ATOMIC ... END block is not.
// Not counted: statements that commit as a side effect (MySQL's DDL and LOCK TABLES, which the
// runner reports when a revision fails), a COMMIT inside a routine the revision calls, and
// SET TRANSACTION (it only sets the next transaction's characteristics).
class TransactionControl
{
public:
    // The statement's leading keyword(s) ("COMMIT", "START TRANSACTION", "SET autocommit") if it
    // is transaction control in `dialect`; empty otherwise.
    static QString keyword(QStringView statement, SqlDialect dialect);
};

} // namespace Retort

#pragma once

#include "statement.h"

#include <engine/core/result.h>
#include <engine/core/sqldialect.h>

#include <QString>

namespace Retort {

// Cuts a script into the statements a driver executes one by one. Pure function, any thread.
//
// A statement ends at a top-level ';' (or MySQL's current DELIMITER). Not top-level: quotes,
// comments, PostgreSQL dollar quotes and parentheses (as psql), BEGIN ... END bodies of SQLite
// triggers (sqlite3_complete()'s rule), of MySQL triggers, procedures, functions and events, and
// of PostgreSQL's BEGIN ATOMIC function bodies. A block between the lines
// "-- migrate:statement-begin" and "-- migrate:statement-end" is one statement, taken verbatim
// (less its leading blank and "--" lines and one final ';'); the markers count only alone on
// their line and outside quotes and comments.
//
// Dialects: '...' with '' everywhere; MySQL also '\'' and "..." strings with backslashes,
// PostgreSQL E'...' with backslashes. "..." quotes identifiers (SQLite, PostgreSQL), `...` too
// (SQLite, MySQL), [...] in SQLite. "/* */" nests in PostgreSQL only. "#" comments and "-- "
// (dash dash space: MySQL needs it) in MySQL. MySQL client's "DELIMITER xyz" is obeyed where the
// word DELIMITER starts a line, as the mysql client does; it ends a pending statement.
//
// Each statement's text runs from its first to its last real token: comments and whitespace
// before and after it are dropped (a trailing "-- ..." would otherwise swallow a ';' appended
// by whoever prints the statement); comments inside it are kept. MySQL's "/*! ... */" counts as
// code. `line` is the file line of the first real token, given that sql's first line is file line
// `firstLine`. Lines are counted at '\n', so CRLF files count right. Pieces with no real token
// (";;", a comment alone) give no statement.
//
// Errors (Kind::Script, line set, file empty: the caller knows it): an unterminated quote,
// comment or dollar quote; a statement-begin marker without its end, or an end without a begin;
// a DELIMITER line without a delimiter.
class StatementSplitter
{
public:
    static Result<StatementList> split(const QString &sql, SqlDialect dialect, int firstLine = 1);
};

} // namespace Retort

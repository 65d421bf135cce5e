#pragma once

#include "diffoptions.h"
#include "diffresult.h"

#include <engine/schema/database.h>

namespace Retort::Ops {

// Compares two schemas and returns the operations that turn `current` into `desired`.
// Pure: no database, any thread. Types compare by ColumnType::normalized only. Order: drop
// removed views; enum changes; drop FKs of kept tables; drop removed tables (children before
// parents, FK cycles opened with DropForeignKey first); per kept table (by name) index and
// constraint drops, confirmed column renames, added and altered columns, primary key change,
// dropped columns, constraint and index adds; create new tables (parents first, each followed by
// its indexes, FKs closing a cycle as AddForeignKey after all creates); add FKs of kept tables;
// drop enums; create and replace views. Comparing a schema with itself gives no ops. Not
// compared: column order, triggers, sequences, table options (comment, WITHOUT ROWID, STRICT,
// engine).
// SQLite names compare case-insensitively (as SQLite does); other dialects exactly.
class Differ
{
public:
    static DiffResult diff(const Schema::Database &current,
                           const Schema::Database &desired,
                           const DiffOptions &options = {});
};

} // namespace Retort::Ops

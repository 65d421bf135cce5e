#pragma once

#include <engine/schema/tablefilter.h>

#include <QString>

namespace Retort {

// What an introspector leaves out: Retort's own tables and the user's exclude_tables globs.
struct IntrospectOptions
{
    TableFilter tables;
    QString schema; // PostgreSQL schema / MySQL database; empty = the connection's current one
};

} // namespace Retort

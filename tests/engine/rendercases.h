#pragma once

// Inputs for tst_renderers: a schema and operations per case, built in memory.
#include <engine/diff/operation.h>
#include <engine/schema/database.h>

#include <QMap>

#include <functional>
#include <optional>

namespace RenderCases {

using namespace Retort;

struct Case
{
    Schema::Database before;
    Ops::OperationList ops;
};

// Case name -> builder; a builder returns nullopt for a dialect the case does not apply to.
using Builder = std::function<std::optional<Case>(SqlDialect)>;
QMap<QString, Builder> all();

} // namespace RenderCases

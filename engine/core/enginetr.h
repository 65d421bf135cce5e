#pragma once

#include <QCoreApplication>

namespace Retort {

// Translation context for user-facing engine text.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Retort)
};

} // namespace Retort

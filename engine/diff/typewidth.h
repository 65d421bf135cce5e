#pragma once

#include <QString>

namespace Retort::Ops {

// Decides whether a change between two normalised column types can lose values. Knows the
// integer, float, decimal, character, text and binary families of the three engines; any change
// it cannot prove widening counts as narrowing (the user confirms, rather than loses data).
class TypeWidth
{
public:
    static bool isNarrowing(const QString &fromNormalized, const QString &toNormalized);
};

} // namespace Retort::Ops

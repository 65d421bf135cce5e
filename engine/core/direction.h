#pragma once

#include <QString>

namespace Retort {

// Which way a revision was run: its upgrade, its downgrade, or only stamped into the version
// table. The words are the history table's `direction` column and Alembic's log verbs.
enum class Direction { Upgrade, Downgrade, Stamp };

// "upgrade", "downgrade", "stamp": as stored in the history table.
inline QString directionName(Direction direction)
{
    switch (direction) {
    case Direction::Upgrade:
        return QStringLiteral("upgrade");
    case Direction::Downgrade:
        return QStringLiteral("downgrade");
    case Direction::Stamp:
        break;
    }
    return QStringLiteral("stamp");
}

// The inverse of directionName(); nullopt-free: an unknown word (a row written by something
// else) reads as a stamp, which carries no checksum claim.
inline Direction directionFromName(const QString &name)
{
    if (name == QLatin1String("upgrade"))
        return Direction::Upgrade;
    if (name == QLatin1String("downgrade"))
        return Direction::Downgrade;
    return Direction::Stamp;
}

// Alembic's log verb ("Running upgrade a1 -> b2", "Running stamp_revision  -> b2").
inline QString alembicLogVerb(Direction direction)
{
    return direction == Direction::Stamp ? QStringLiteral("stamp_revision")
                                         : directionName(direction);
}

} // namespace Retort

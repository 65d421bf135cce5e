#pragma once

#include <engine/core/direction.h>

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

// One committed step of a run.
struct StepReport
{
    QString revision;
    Direction direction = Direction::Upgrade;
    QStringList fromRevisions;
    QStringList toRevisions;
    int statements = 0; // statements executed
    qint64 ms = 0;
};

// What a successful Runner call did. A value.
struct RunReport
{
    QStringList headsBefore; // version-table rows read after taking the lock
    QStringList headsAfter;
    QList<StepReport> steps; // in run order; empty when the database was already there
};

} // namespace Retort

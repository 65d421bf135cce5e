#pragma once

#include "direction.h"

#include <QString>
#include <QStringList>

#include <variant>

namespace Retort {

// Typed progress events. The engine emits them; the CLI prints them, the GUI re-emits them.
namespace Progress {

struct PlanReady
{
    int steps = 0;
};
struct StepStarted
{
    int index = 0; // 0-based
    int count = 0;
    Direction direction = Direction::Upgrade;
    QStringList fromRevisions;
    QStringList toRevisions;
    QString revision;
    QString message;
};
struct StatementDone
{
    QString sql;
    int line = 0;
    qint64 ms = 0;
};
struct StepFinished
{
    int index = 0;
    QString revision;
    qint64 ms = 0;
};
struct Info
{
    QString text;
};

using Event = std::variant<PlanReady, StepStarted, StatementDone, StepFinished, Info>;

} // namespace Progress

// Receives progress events, on the thread that runs the engine call.
class ProgressSink
{
public:
    virtual ~ProgressSink() = default;
    virtual void report(const Progress::Event &event) = 0;
};

// Drops every event.
class NullProgressSink final : public ProgressSink
{
public:
    void report(const Progress::Event &) override {}
};

} // namespace Retort

#pragma once

#include <engine/core/progress.h>

#include <QMetaType>
#include <QObject>

Q_DECLARE_METATYPE(Retort::Progress::Event)

namespace Retort::Ui {

// A ProgressSink for engine calls on a worker thread: re-emits each event as a signal, which
// reaches receivers on the GUI thread queued. Lives on the GUI thread; never blocks the worker.
class ProgressRelay : public QObject, public ProgressSink
{
    Q_OBJECT
public:
    explicit ProgressRelay(QObject *parent = nullptr);
    void report(const Progress::Event &event) override { emit reported(event); }

signals:
    void reported(const Retort::Progress::Event &event);
};

} // namespace Retort::Ui

#pragma once

#include <engine/core/progress.h>

#include <QTextStream>

namespace Retort::Cli {

// Prints Alembic's progress lines ("Running upgrade a1 -> b2, add users") as steps start;
// with verbose, each statement and its time too.
class ProgressPrinter final : public ProgressSink
{
public:
    ProgressPrinter(QTextStream &out, bool verbose)
        : m_out(out)
        , m_verbose(verbose)
    {}
    void report(const Progress::Event &event) override;

private:
    QTextStream &m_out;
    bool m_verbose = false;
};

} // namespace Retort::Cli

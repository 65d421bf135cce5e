#include "progressprinter.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

void ProgressPrinter::report(const Progress::Event &event)
{
    if (const auto *started = std::get_if<Progress::StepStarted>(&event)) {
        const QString verb = alembicLogVerb(started->direction);
        m_out << "Running " << verb << ' ' << started->fromRevisions.join(u", "_s) << " -> "
              << started->toRevisions.join(u", "_s);
        if (started->direction != Direction::Stamp && !started->message.isEmpty())
            m_out << ", " << started->message.section(u'\n', 0, 0);
        m_out << '\n';
        m_out.flush();
    } else if (const auto *done = std::get_if<Progress::StatementDone>(&event); done && m_verbose) {
        m_out << "  " << done->sql.simplified().left(100) << "  (" << done->ms << " ms)\n";
    } else if (const auto *info = std::get_if<Progress::Info>(&event); info && m_verbose) {
        m_out << info->text << '\n';
    }
}

} // namespace Retort::Cli

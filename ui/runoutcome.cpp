#include "runoutcome.h"

#include <engine/core/enginetr.h>

#include <QFileInfo>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

void RunOutcome::begin(const QString &done)
{
    clear();
    m_done = done;
    m_running = true;
}

void RunOutcome::planned(int steps)
{
    m_planned = m_finished + steps;
}

void RunOutcome::stepStarted(const QString &revision, const QString &file)
{
    m_current = revision;
    m_currentFile = file;
}

void RunOutcome::stepFinished()
{
    ++m_finished;
    m_current.clear();
    m_currentFile.clear();
}

void RunOutcome::failed(const Error &error)
{
    m_error = error;
    m_failed = true;
    m_running = false;
}

QString RunOutcome::file() const
{
    return m_error.file.isEmpty() ? m_currentFile : m_error.file;
}

QString RunOutcome::sentence(const QStringList &heads, bool known) const
{
    const QLocale locale;
    const QString where = !known           ? Tr::tr("the database could not be read again")
                          : heads.isEmpty() ? Tr::tr("the database is at base")
                                            : Tr::tr("the database is at %1").arg(heads.join(u", "_s));
    const QString done = locale.toString(m_finished);
    const QString of = locale.toString(std::max(m_planned, m_finished));
    if (m_error.kind == Error::Kind::Cancelled) {
        if (m_planned == 0)
            return Tr::tr("Cancelled before any revision ran; %1.").arg(where);
        return Tr::tr("Cancelled after %1 of %2 revisions; %3.").arg(done, of, where);
    }
    QString stopped;
    const QString path = file();
    if (!m_current.isEmpty() || !path.isEmpty()) {
        const QString name = QFileInfo(path).fileName();
        const QString at = m_error.line > 0 ? u"%1:%2"_s.arg(name).arg(m_error.line) : name;
        stopped = m_current.isEmpty() ? Tr::tr("; stopped in %1").arg(at)
                  : at.isEmpty()      ? Tr::tr("; stopped at %1").arg(m_current)
                                      : Tr::tr("; stopped at %1 (%2)").arg(m_current, at);
    }
    if (m_planned == 0 && m_current.isEmpty())
        return Tr::tr("Failed before any revision ran%1; %2.").arg(stopped, where);
    return Tr::tr("%1 of %2 %3%4; %5.").arg(done, of, m_done, stopped, where);
}

} // namespace Retort::Ui

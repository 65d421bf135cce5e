#include "pythonlocator.h"

#include <engine/core/enginetr.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

// A name without a slash is looked up on PATH, as a shell would.
QString resolveProgram(const QString &program)
{
    if (program.contains(u'/'))
        return isExecutableFile(program) ? QFileInfo(program).absoluteFilePath() : QString();
    return QStandardPaths::findExecutable(program);
}

// .venv/bin/python and venv/bin/python in the ini's folder and each parent, nearest first.
QStringList venvCandidates(const QString &iniPath)
{
    QStringList candidates;
    if (iniPath.isEmpty())
        return candidates;
    QDir dir = QFileInfo(iniPath).absoluteDir();
    for (;;) {
        candidates << dir.filePath(u".venv/bin/python"_s) << dir.filePath(u"venv/bin/python"_s);
        if (!dir.cdUp())
            break;
    }
    return candidates;
}

// The interpreter of the `alembic` command on PATH, from its "#!" line: the Python that runs
// when the user types `alembic upgrade head` (pipx, a system package, a tool venv), which can
// differ from the `python3` first on PATH. Empty when there is no such command or line.
QString alembicCommandInterpreter()
{
    const QString alembic = QStandardPaths::findExecutable(u"alembic"_s);
    if (alembic.isEmpty())
        return {};
    QFile file(alembic);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray first = file.readLine(4096).trimmed();
    if (!first.startsWith("#!"))
        return {};
    // "#!/path/python3" or "#!/usr/bin/env python3" (the interpreter only; no options).
    const QStringList words = QString::fromLocal8Bit(first.mid(2)).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return {};
    QString program = words.first();
    if (QFileInfo(program).fileName() == u"env" && words.size() > 1)
        program = words.at(1);
    if (!QFileInfo(program).fileName().startsWith(u"python"_s))
        return {};
    return resolveProgram(program);
}

} // namespace

Result<PythonInterpreter> PythonLocator::locate(const Options &options)
{
    PythonInterpreter found;
    found.prefix = options.prefix;
    found.pathMap = options.pathMap;
    const QString fromEnvironment = qEnvironmentVariable("RETORT_PYTHON");

    if (!options.prefix.isEmpty()) {
        found.program = !options.setting.isEmpty() ? options.setting
                        : !fromEnvironment.isEmpty() ? fromEnvironment
                                                     : u"python3"_s;
        found.source = !options.setting.isEmpty() ? u"setting"_s
                       : !fromEnvironment.isEmpty() ? u"RETORT_PYTHON"_s
                                                    : u"PATH"_s;
        found.tried << found.program;
        return found;
    }

    auto accept = [&](const QString &program, const QString &source) {
        found.program = program;
        found.source = source;
        return found;
    };

    if (fromEnvironment.isEmpty()) {
        found.tried << u"RETORT_PYTHON (unset)"_s;
    } else {
        const QString program = resolveProgram(fromEnvironment);
        if (!program.isEmpty())
            return accept(program, u"RETORT_PYTHON"_s);
        // Asked for by name: falling back to another Python would run the wrong one silently.
        return Error(Error::Kind::Config,
                     Tr::tr("RETORT_PYTHON is %1, which is not an executable Python interpreter.")
                         .arg(fromEnvironment));
    }
    if (!options.setting.isEmpty()) {
        const QString program = resolveProgram(options.setting);
        if (!program.isEmpty())
            return accept(program, u"setting"_s);
        found.tried << u"%1 (project setting, not an executable)"_s.arg(options.setting);
    }
    // Only the nearest folders are named in the message: the list up to / says nothing more.
    const QStringList venvs = venvCandidates(options.iniPath);
    for (const QString &candidate : venvs) {
        if (isExecutableFile(candidate))
            return accept(candidate, u"venv"_s);
    }
    found.tried << venvs.mid(0, 2);
    const QString alembicPython = alembicCommandInterpreter();
    if (!alembicPython.isEmpty())
        return accept(alembicPython, u"alembic command"_s);
    found.tried << u"the alembic command on PATH"_s;
    const QString onPath = QStandardPaths::findExecutable(u"python3"_s);
    if (!onPath.isEmpty())
        return accept(onPath, u"PATH"_s);
    found.tried << u"python3 on PATH"_s;

    return Error(Error::Kind::Config,
                 Tr::tr("No Python interpreter found: tried %1.").arg(found.tried.join(u", "_s)),
                 options.iniPath);
}

} // namespace Retort

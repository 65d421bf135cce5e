#include "pythoninterpreter.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// `from` names a folder: it maps itself and paths below it, never a sibling such as /app2.
QString mapped(const QString &path, const QString &from, const QString &to)
{
    if (from.isEmpty())
        return {};
    QString folder = from;
    while (folder.size() > 1 && folder.endsWith(u'/'))
        folder.chop(1);
    if (path == folder)
        return to;
    const QString below = folder == u"/" ? folder : folder + u'/';
    if (!path.startsWith(below))
        return {};
    QString target = to;
    while (target.size() > 1 && target.endsWith(u'/'))
        target.chop(1);
    return target + u'/' + path.mid(below.size());
}

} // namespace

QString PythonInterpreter::toInterpreterPath(const QString &hostPath) const
{
    for (const auto &[host, container] : pathMap) {
        const QString result = mapped(hostPath, host, container);
        if (!result.isEmpty())
            return result;
    }
    return hostPath;
}

QString PythonInterpreter::toHostPath(const QString &interpreterPath) const
{
    for (const auto &[host, container] : pathMap) {
        const QString result = mapped(interpreterPath, container, host);
        if (!result.isEmpty())
            return result;
    }
    return interpreterPath;
}

QString PythonInterpreter::displayCommand() const
{
    return (prefix + QStringList{program}).join(u' ');
}

} // namespace Retort

#pragma once

#include "alembicversions.h"
#include "pythoninterpreter.h"

#include <engine/core/canceltoken.h>
#include <engine/core/progress.h>
#include <engine/core/result.h>

#include <QJsonObject>

namespace Retort {

// Runs one command of the embedded bridge script (retort_bridge.py) in a project's own Python,
// which uses the project's Alembic and env.py. Synchronous and thread-agnostic like every engine
// call: the process is driven with QProcess's waitFor* functions, no event loop needed.
//
// The request is the bridge's JSON request ({"command": "upgrade", "ini": ..., "target": ...});
// paths in it ("ini", "cwd", "version_path") are mapped into the interpreter's view, and paths in
// the result and error are mapped back. Step events become StepStarted/StepFinished.
class AlembicBridge
{
public:
    explicit AlembicBridge(PythonInterpreter interpreter);

    // The result line without its "type", or an Error built from the error line (file, line,
    // sql filled), or a start/exit failure that names the interpreter and stderr's last lines.
    // `cancel` is polled while waiting; when it flips, the bridge stops after the current
    // revision and the result says "cancelled": true.
    Result<QJsonObject> run(const QJsonObject &request, ProgressSink &sink,
                            const CancelToken &cancel) const;

    Result<AlembicVersions> probe() const;

    const PythonInterpreter &interpreter() const { return m_interpreter; }

    // The embedded script and the one-line `python -c` loader that reads it from stdin.
    static QByteArray script();
    static QString loader();

private:
    PythonInterpreter m_interpreter;
};

} // namespace Retort

#pragma once

#include "pythoninterpreter.h"

#include <engine/core/result.h>

namespace Retort {

// Finds the Python of an Alembic project, in the order of issue #15: RETORT_PYTHON, the
// project's own setting, .venv/bin/python or venv/bin/python beside the ini or in a parent
// folder, the interpreter of the `alembic` command on PATH (its #! line), python3 on PATH. Looks at files only; never starts the interpreter. Any thread.
class PythonLocator
{
public:
    struct Options
    {
        QString iniPath;          // the project's alembic.ini (its folder starts the venv search)
        QString setting;          // per-project interpreter setting; empty if none
        QStringList prefix;       // command prefix: {"docker", "compose", "exec", "-T", "backend"}
        QList<QPair<QString, QString>> pathMap; // (host, container)
    };

    // With a prefix the interpreter lives elsewhere (a container): host files say nothing about
    // it, so the setting (or RETORT_PYTHON, or "python3") is taken unchecked.
    static Result<PythonInterpreter> locate(const Options &options);
};

} // namespace Retort

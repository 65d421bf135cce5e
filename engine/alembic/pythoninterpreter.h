#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Retort {

// The Python that runs a project's Alembic, and how to reach it: a value, any thread.
// With a command prefix (`docker compose exec -T backend`), `program` is run inside it and paths
// cross through `pathMap` (host folder, container folder).
struct PythonInterpreter
{
    QString program;          // executable or name looked up on PATH (inside the prefix)
    QStringList prefix;       // command prefix; empty to run `program` directly
    QList<QPair<QString, QString>> pathMap; // (host, container); first match wins
    QString source;           // how it was chosen: "RETORT_PYTHON", "setting", "venv", "PATH"
    QStringList tried;        // what was tried, in order, for messages ("RETORT_PYTHON (unset)")

    // Host path -> the path the interpreter sees, and back. Unmapped paths pass unchanged.
    QString toInterpreterPath(const QString &hostPath) const;
    QString toHostPath(const QString &interpreterPath) const;
    // For messages: "docker compose exec -T backend python3".
    QString displayCommand() const;
};

} // namespace Retort

#pragma once

#include "alembicconfig.h"

#include <engine/core/result.h>

#include <QString>

namespace Retort {

// Reads an alembic.ini as Alembic 1.8's Config and ScriptDirectory.from_config do: Python's
// ConfigParser with "here" (the ini's absolute folder) as a default, so "%(here)s", other
// "%(name)s" references, "%%", continuation lines and comments behave as in Alembic
// (PythonConfigParser). Pure functions apart from reading the file and checking which folders
// exist; any thread.
//
// Relative paths. Alembic resolves a relative script_location and version_locations against
// the process's working directory, and projects run `alembic` from the ini's folder (their
// Makefiles and docs cd there). Retort is often started elsewhere (a GUI, another folder), so a
// relative path is resolved against the ini's folder; only when nothing exists there but the
// path exists under workingDir is that one used. A "package:path" location (a relative path
// with ':') names a Python package resource, which Retort cannot resolve without Python: an
// error says so.
//
// version_locations is split by version_path_separator: "os" (':' here), ':', ';', "space",
// "newline" (Alembic 1.13+), or, when the key is absent, on commas and spaces as Alembic's
// legacy split does (empty items dropped). recursive_version_locations (Alembic 1.10+) is on
// for "true", "yes", "on" or "1", any case; sourceless only for "true", as Alembic compares.
class AlembicIni
{
public:
    static Result<AlembicConfig> read(const QString &iniPath,
                                      const QString &section = QStringLiteral("alembic"),
                                      const QString &workingDir = QString());
    // The same from text already read; iniPath gives "here" and the error locations.
    static Result<AlembicConfig> parse(const QString &text, const QString &iniPath,
                                       const QString &section = QStringLiteral("alembic"),
                                       const QString &workingDir = QString());
    // The nearest "alembic.ini" in startDir or a parent folder (absolute path); empty if none.
    static QString find(const QString &startDir);
};

} // namespace Retort

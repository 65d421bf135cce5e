#pragma once

#include <QString>

namespace Retort {

// What `AlembicBridge::probe()` found in the project's Python (the GUI's status bar shows it).
struct AlembicVersions
{
    QString python;            // sys.executable, as the interpreter sees it
    QString pythonVersion;     // "3.11.2"
    QString alembicVersion;    // "1.8.1"
    QString sqlalchemyVersion; // "1.4.46"
};

} // namespace Retort

#pragma once

#include <QString>
#include <QStringList>

namespace Retort {

// The [alembic] section of an alembic.ini, interpolated and with paths made absolute, as
// AlembicIni reads it. A plain value.
struct AlembicConfig
{
    QString iniPath;         // absolute
    QString section = QStringLiteral("alembic");
    QString scriptLocation;  // absolute folder (env.py, script.py.mako, versions/)
    // Absolute folders in written order; script_location/versions when the key is absent.
    QStringList versionLocations;
    bool versionLocationsSet = false; // written in the ini: missing folders are skipped
    QString versionPathSeparator;     // as written; empty when absent (legacy split)
    QString fileTemplate = QStringLiteral("%(rev)s_%(slug)s"); // interpolated ("%%" read as '%')
    int truncateSlugLength = 40;
    bool recursiveVersionLocations = false;
    bool sourceless = false;          // "sourceless = true": .pyc files without source count
    QString sqlalchemyUrl;            // as written after interpolation; may hold a password
    QStringList prependSysPath;       // as written, split as Alembic does
    QString timezone;
    QString outputEncoding = QStringLiteral("utf-8");

    bool operator==(const AlembicConfig &) const = default;
};

} // namespace Retort

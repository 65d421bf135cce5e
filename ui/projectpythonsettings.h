#pragma once

#include <engine/alembic/pythonlocator.h>

#include <QString>

namespace Retort::Ui {

// An Alembic project's own Python (Project > Python...): the interpreter, a command prefix such
// as `docker compose exec -T backend`, and the host-to-container path map. Kept in the user's
// settings keyed by the project's ini path, never in the project. GUI thread.
class ProjectPythonSettings
{
public:
    // The stored setting with iniPath filled in; empty fields when nothing is stored.
    static PythonLocator::Options load(const QString &iniPath);
    // Stores options (by options.iniPath); all fields empty removes the entry.
    static void save(const PythonLocator::Options &options);

    // "host = container" per line, and back; lines without " = " are ignored.
    static QString pathMapText(const QList<QPair<QString, QString>> &map);
    static QList<QPair<QString, QString>> parsePathMap(const QString &text);

private:
    static QString group(const QString &iniPath);
};

} // namespace Retort::Ui

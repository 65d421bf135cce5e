#pragma once

#include <engine/core/result.h>

#include <QStringList>

namespace Retort {

// Writes a new project (retort.ini, schema.sql, migrations/versions/) into a folder.
class ProjectCreator
{
public:
    // Returns the paths created, in creation order. Refuses a folder that already has a project,
    // and leaves nothing behind when it fails.
    // `models`: the `models` key (e.g. "sqlalchemy:app.models") instead of a schema.sql.
    static Result<QStringList> create(const QString &dir, const QString &models = {});
};

} // namespace Retort

#pragma once

#include <engine/config/config.h>
#include <engine/core/result.h>
#include <engine/core/sqldialect.h>

#include <QString>

namespace Retort {

// The `models` key of retort.ini (README "Models from an ORM"): `sqlalchemy:app.models` (the
// modules that define the tables; SQLModel's tables are found in SQLModel.metadata, plain
// SQLAlchemy's in the module's Base.metadata or metadata) or `MODULE:ATTRIBUTE` for a MetaData
// elsewhere (`app.db:Base.metadata`). An embedded dumper runs in the project's Python (found as
// for Alembic projects: RETORT_PYTHON, .venv/venv, the alembic command's, python3) and prints
// metadata.create_all()'s DDL for the target's dialect without connecting.
class OrmModels
{
public:
    static Result<QString> dump(const Config &config, SqlDialect dialect);

private:
    static QByteArray script();
};

} // namespace Retort

#include "projectcreator.h"

#include <engine/core/enginetr.h>
#include <engine/core/filewriter.h>

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

const char iniTemplate[] = R"(# Retort project settings. Every key and its default is listed in Retort's README.
[retort]
# Folder holding versions/, relative to this file.
script_location = migrations

# Database URL: sqlite:///relative.db, sqlite:////abs/path.db, postgresql://user:pass@host/db,
# mysql://user:pass@host/db. ${VAR} is taken from the environment; --url and RETORT_URL override it.
url = sqlite:///app.db

@MODELS@
# version_table = alembic_version
# history_table = retort_history
# transaction_per_migration = true
# file_template = %(rev)s_%(slug)s
# exclude_tables = spatial_* tmp_*
)";

const char schemaTemplate[] = R"(-- The models: the schema your application wants, as plain DDL.
-- Change it, then run
--   retort revision --autogenerate -m "describe the change"
-- and Retort writes the migration from the database's schema to this one. For example:
--
-- CREATE TABLE users (
--     id INTEGER PRIMARY KEY,
--     email VARCHAR(255) NOT NULL UNIQUE,
--     created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
-- );
)";

Result<> writeNewFile(const QString &path, const QByteArray &content)
{
    return FileWriter::write(path, content, Error::Kind::Config);
}

} // namespace

Result<QStringList> ProjectCreator::create(const QString &dirPath, const QString &models)
{
    if (!models.isEmpty() && (!models.contains(u':') || models.contains(u'\n')))
        return Error(Error::Kind::Usage,
                     Tr::tr("--models %1: expected sqlalchemy:MODULE[,MODULE...] or "
                            "MODULE:ATTRIBUTE, e.g. sqlalchemy:app.models or app.db:Base.metadata.")
                         .arg(models));
    const QDir dir(QFileInfo(dirPath).absoluteFilePath());
    const QString ini = dir.absoluteFilePath(u"retort.ini"_s);
    const QString schema = dir.absoluteFilePath(u"schema.sql"_s);
    const QString migrations = dir.absoluteFilePath(u"migrations"_s);
    for (const QString &existing : {ini, migrations}) {
        if (QFileInfo::exists(existing))
            return Error(Error::Kind::Config,
                         Tr::tr("%1 already exists; not creating a project over it.").arg(existing));
    }
    QStringList created;
    auto rollback = [&created] {
        for (auto it = created.crbegin(); it != created.crend(); ++it) {
            if (QFileInfo(*it).isDir())
                QDir().rmdir(*it);
            else
                QFile::remove(*it);
        }
    };
    QStringList dirs;
    for (QString d = dir.absolutePath(); !QFileInfo::exists(d); d = QFileInfo(d).absolutePath())
        dirs.prepend(d);
    dirs << migrations << migrations + u"/versions"_s;
    for (const QString &d : std::as_const(dirs)) {
        errno = 0;
        if (!QDir().mkdir(d)) {
            const QString reason = errno ? QString::fromLocal8Bit(std::strerror(errno)) : QString();
            rollback();
            return Error(Error::Kind::Config,
                         reason.isEmpty() ? Tr::tr("Cannot create directory %1.").arg(d)
                                          : Tr::tr("Cannot create directory %1: %2.").arg(d, reason));
        }
        created << d;
    }
    const QByteArray modelsLines =
        models.isEmpty()
            ? QByteArray("# The models: DDL files describing the schema you want (paths or globs, "
                         "applied in order)...\nschema = schema.sql\n# ...or an ORM's models, "
                         "dumped by the project's Python:\n# models = sqlalchemy:app.models\n"
                         "# ...or a command that prints the DDL.\n# schema_command = ./dump.sh\n")
            : "# The models: SQLAlchemy / SQLModel tables, dumped by the project's Python "
              "(sqlalchemy:MODULE[,MODULE...] or MODULE:ATTRIBUTE holding a MetaData).\nmodels = "
                  + models.toUtf8() + "\n# ...or DDL files: schema = schema.sql\n";
    const QList<QPair<QString, QByteArray>> files{
        {ini, QByteArray(iniTemplate).replace("@MODELS@", modelsLines)}};
    for (const auto &[path, content] : files) {
        if (Result<> r = writeNewFile(path, content); !r) {
            rollback();
            return r.error();
        }
        created << path;
    }
    if (models.isEmpty() && !QFileInfo::exists(schema)) { // an existing one is kept as it is
        if (Result<> r = writeNewFile(schema, QByteArray(schemaTemplate)); !r) {
            rollback();
            return r.error();
        }
        created << schema;
    }
    return created;
}

} // namespace Retort

#pragma once

// An Alembic project in a QTemporaryDir for tests that run the project's own Alembic: an ini, an
// env.py as projects write it, a script.py.mako, and SQLModel models on request.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QTemporaryDir>

namespace RetortTest {

namespace AlembicTestFiles {

inline bool write(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(text.toUtf8());
    return true;
}

inline QString read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

inline const char *const iniText = R"([alembic]
script_location = %(here)s/migrations
prepend_sys_path = .
sqlalchemy.url = @URL@

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
formatter = generic

[formatter_generic]
format = %(levelname)s %(message)s
)";

// env.py as projects write it: the URL may come from the environment, the models from the app.
inline const char *const envText = R"(import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

try:
    import models
    target_metadata = models.metadata
except ImportError:
    target_metadata = None

url = os.environ.get("BRIDGE_TEST_URL") or config.get_main_option("sqlalchemy.url")


def run_migrations_offline():
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
)";

inline const char *const makoText = R"("""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
"""
from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
)";

// SQLModel models: `name: str` renders as sqlmodel.sql.sqltypes.AutoString.
inline const char *const modelsText = R"(from typing import Optional

from sqlmodel import Field, SQLModel


class Person(SQLModel, table=True):
    __tablename__ = "@P@person"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str


class Item(SQLModel, table=True):
    __tablename__ = "@P@item"
    id: Optional[int] = Field(default=None, primary_key=True)
    title: str


metadata = SQLModel.metadata
)";

} // namespace AlembicTestFiles

// An Alembic project in a temporary folder. Table names carry a random prefix, so runs on the
// shared test servers never meet each other's tables.
class AlembicTestProject
{
public:
    explicit AlembicTestProject(const QString &url = {})
    {
        m_prefix = QStringLiteral("bt%1_").arg(QRandomGenerator::global()->bounded(1000000));
        using namespace AlembicTestFiles;
        const QString sqlite = QStringLiteral("sqlite:///%1").arg(path(QStringLiteral("app.db")));
        const QString effective = url.isEmpty() ? sqlite : url;
        m_url = effective;
        write(ini(), QString::fromUtf8(iniText).replace(QStringLiteral("@URL@"), effective));
        write(path(QStringLiteral("migrations/env.py")), QString::fromUtf8(envText));
        write(path(QStringLiteral("migrations/script.py.mako")), QString::fromUtf8(makoText));
        QDir().mkpath(path(QStringLiteral("migrations/versions")));
    }

    QString path(const QString &relative) const { return m_dir.filePath(relative); }
    QString ini() const { return path(QStringLiteral("alembic.ini")); }
    QString dir() const { return m_dir.path(); }
    QString url() const { return m_url; }
    QString table(const QString &name) const { return m_prefix + name; }

    // A revision that creates table `name` (dropped on downgrade); `extra` goes into upgrade().
    QString addRevision(const QString &id, const QString &parents, const QString &name,
                        const QString &extra = {}) const
    {
        const QString file = path(QStringLiteral("migrations/versions/%1_%2.py").arg(id, name));
        const QString text =
            QString::fromUtf8(
                "\"\"\"create %1\n\nRevision ID: %2\n\"\"\"\nimport time\n\n"
                "from alembic import op\nimport sqlalchemy as sa\n\n"
                "revision = '%2'\ndown_revision = %3\nbranch_labels = None\n"
                "depends_on = None\n\n\ndef upgrade():\n"
                "    op.create_table('%4', sa.Column('id', sa.Integer, primary_key=True))\n"
                "%5\n\ndef downgrade():\n    op.drop_table('%4')\n")
                .arg(name, id, parents, table(name), extra);
        AlembicTestFiles::write(file, text);
        return file;
    }

    // A version table per test, so that runs on a shared server cannot meet.
    void useOwnVersionTable() const
    {
        QString env = AlembicTestFiles::read(path(QStringLiteral("migrations/env.py")));
        env.replace(QStringLiteral("target_metadata=target_metadata)"),
                    QStringLiteral("target_metadata=target_metadata, version_table='%1')")
                        .arg(table(QStringLiteral("v"))));
        AlembicTestFiles::write(path(QStringLiteral("migrations/env.py")), env);
    }

    void addModels() const
    {
        AlembicTestFiles::write(path(QStringLiteral("models.py")),
                                QString::fromUtf8(AlembicTestFiles::modelsText)
                                    .replace(QStringLiteral("@P@"), m_prefix));
    }

    QJsonObject request(const QString &command, const QJsonObject &fields = {}) const
    {
        QJsonObject r = fields;
        r[QStringLiteral("command")] = command;
        r[QStringLiteral("ini")] = ini();
        r[QStringLiteral("cwd")] = dir();
        return r;
    }

private:
    QTemporaryDir m_dir;
    QString m_prefix;
    QString m_url;
};

} // namespace RetortTest

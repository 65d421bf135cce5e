#pragma once

#include <engine/schema/tablefilter.h>

#include <QString>
#include <QStringList>

namespace Retort {

// A project's settings (README "A user's project") with every path made absolute. A value.
struct Config
{
    QString iniPath;        // absolute path of retort.ini; empty for a project without one
    QString projectDir;     // the ini's folder
    QString scriptLocation; // absolute folder holding versions/
    QString url;            // after ${VAR} expansion and precedence; may be empty
    enum class UrlSource { Ini, Environment, CommandLine }; // `url`, RETORT_URL, --url
    UrlSource urlSource = UrlSource::Ini;
    QStringList schema{QStringLiteral("schema.sql")}; // paths or globs, relative to projectDir
    QString schemaCommand;        // after ${VAR} expansion: what runs
    QString schemaCommandAsWritten; // before expansion: what messages show (no ${DBPW} values)
    int schemaCommandLine = 0;      // its line in the ini; 0 when not set there
    // `models = sqlalchemy:app.models` or `MODULE:ATTRIBUTE`: the models from an ORM, dumped by
    // the project's Python (OrmModels); wins over schema and schema_command. Empty if unset.
    QString models;
    int modelsLine = 0;
    QString devUrl;
    bool transactionPerMigration = true;
    QString fileTemplate = QStringLiteral("%(rev)s_%(slug)s");
    int fileTemplateLine = 0; // its line in the ini, for errors about the names it makes; 0: default
    TableFilter tables; // version_table, history_table, exclude_tables

    QString versionsDir() const { return scriptLocation + QStringLiteral("/versions"); }
    // The project's display name: its folder's name.
    QString name() const;
};

} // namespace Retort

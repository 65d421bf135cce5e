#pragma once

#include "graphrow.h"

#include <engine/config/config.h>
#include <engine/core/error.h>
#include <engine/core/sqldialect.h>
#include <engine/workspace/workspace.h>

#include <QList>
#include <QMetaType>
#include <QStringList>

#include <memory>

namespace Retort::Ui {

// Everything the window shows about an open project, loaded off the GUI thread in one go.
struct ProjectSnapshot
{
    Config config;
    // The opened project, for the jobs that follow (its URL parsed once, when it was opened).
    std::shared_ptr<const Workspace> workspace;
    QString displayUrl;          // password shown as ***
    SqlDialect dialect = SqlDialect::SQLite;
    QList<GraphRow> rows;        // newest first
    QStringList currentHeads;    // the version table's rows
    bool databaseStateKnown = false; // false: not read (no URL, unreachable, or not yet wired)
    Error databaseError;         // why the state is unknown, when it is an error
    int pendingCount = 0;
    int revisionCount = 0;
};

} // namespace Retort::Ui

Q_DECLARE_METATYPE(Retort::Ui::ProjectSnapshot)

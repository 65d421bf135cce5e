#pragma once

#include <QString>
#include <QStringList>

namespace Retort::Ui {

// One revision as the graph view shows it: plain data, built by WorkspaceController from the
// engine's revisions and the database's heads. A list of them is newest first: every revision
// comes before its parents.
struct GraphRow
{
    enum class State {
        Pending,            // not in the database
        Applied,            // the database is at it or past it
        EditedAfterApplied, // applied, and its file changed since ("never edit applied migrations")
        Orphan,             // in the version table, but no file has that id
        Unknown             // the database could not be read: applied or not is not known
    };

    QString id;
    QStringList parents;   // ids; parents missing from the list are not drawn
    QStringList dependsOn; // ids (labels resolved by the caller)
    QString message;
    QStringList branchLabels;
    QString createDate;    // as written in the file
    QString filePath;      // absolute; empty for an orphan
    State state = State::Pending;
    bool isHead = false;
    bool isCurrent = false; // a row of the version table names it

    bool operator==(const GraphRow &) const = default;
};

} // namespace Retort::Ui

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

// What a downgrade, stamp or upgrade would do, for the GUI's confirmation (issue #16, point 3):
// the revisions in run order, the version table's rows before and after, and the offline SQL
// with the statements that drop data. A value; nothing touches the database to make it.
struct MigrationPreview
{
    struct Step
    {
        QString revision;  // for a stamp: the rows it writes, joined
        QString message;
        QString filePath;
        bool downgrade = false;
        bool stamp = false;
    };
    QList<Step> steps;
    QStringList headsBefore;
    QStringList headsAfter;
    QString sql;            // the offline script; empty when sqlUnavailable says why
    QString sqlUnavailable; // one sentence, e.g. the project's Python could not write it
    QStringList destructive; // statements of `sql` that drop data (version-table rows aside)
    QList<int> destructiveLines; // their 1-based lines in `sql`
};

} // namespace Retort

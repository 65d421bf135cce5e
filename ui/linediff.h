#pragma once

#include <QList>
#include <QStringList>

namespace Retort::Ui {

// A side-by-side line diff for the schema diff view, computed with dtl (libdtl-dev): equal lines
// face each other, a run of removed lines faces the run of added lines that replaced it, and
// the shorter side is padded with filler rows.
class LineDiff
{
public:
    enum class Kind { Same, Changed, Removed, Added };
    struct Row
    {
        Kind kind = Kind::Same;
        QString left;  // empty on a filler row
        QString right;
        bool hasLeft = true;
        bool hasRight = true;
    };

    static QList<Row> sideBySide(const QStringList &before, const QStringList &after);
};

} // namespace Retort::Ui

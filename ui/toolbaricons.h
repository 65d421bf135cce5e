#pragma once

#include <QIcon>

namespace Retort::Ui {

// The toolbar's icons, drawn with QPainter so that they need no image plugin and stay sharp at
// any device pixel ratio.
class ToolbarIcons
{
public:
    enum class Kind { UpgradeHead, UpgradeOne, DowngradeOne, DowngradeBase, Refresh, NewRevision,
                      Merge, Stamp, ShowSql };
    static QIcon icon(Kind kind);
};

} // namespace Retort::Ui

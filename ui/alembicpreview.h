#pragma once

#include <engine/workspace/alembiccomparison.h>

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <utility>

namespace Retort::Ui {

// What the Pending changes panel previews of an Alembic comparison for the chosen operations:
// the Python Alembic will write, its offline SQL, the lines of each entry (for highlighting the
// current row), and the pitfalls to name before the file exists. Pure; any thread.
struct AlembicPreview
{
    QString python;
    QString sql;
    QList<QPair<int, int>> pythonLines; // per entry: first and last line, 0-based
    QList<QPair<int, int>> sqlLines;
    QStringList notes;

    // `entries`: (operation, add) in order; add >= 0 makes the entry the rename of that pair.
    static AlembicPreview build(const AlembicComparison &comparison,
                                const QList<std::pair<int, int>> &entries);
};

} // namespace Retort::Ui

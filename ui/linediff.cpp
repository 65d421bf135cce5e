#include "linediff.h"

#include <dtl/dtl.hpp>

#include <vector>

namespace Retort::Ui {

namespace {

// Pairs a run of removed lines with the run of added lines that follows it.
void flush(QList<LineDiff::Row> &rows, QStringList &removed, QStringList &added)
{
    const qsizetype count = std::max(removed.size(), added.size());
    for (qsizetype i = 0; i < count; ++i) {
        LineDiff::Row row;
        row.hasLeft = i < removed.size();
        row.hasRight = i < added.size();
        row.left = row.hasLeft ? removed.at(i) : QString();
        row.right = row.hasRight ? added.at(i) : QString();
        row.kind = row.hasLeft && row.hasRight ? LineDiff::Kind::Changed
                   : row.hasLeft               ? LineDiff::Kind::Removed
                                               : LineDiff::Kind::Added;
        rows.append(row);
    }
    removed.clear();
    added.clear();
}

} // namespace

QList<LineDiff::Row> LineDiff::sideBySide(const QStringList &before, const QStringList &after)
{
    const std::vector<QString> a(before.cbegin(), before.cend());
    const std::vector<QString> b(after.cbegin(), after.cend());
    dtl::Diff<QString, std::vector<QString>> diff(a, b);
    diff.compose();
    QList<Row> rows;
    QStringList removed;
    QStringList added;
    for (const auto &[line, info] : diff.getSes().getSequence()) {
        if (info.type == dtl::SES_DELETE) {
            removed.append(line);
        } else if (info.type == dtl::SES_ADD) {
            added.append(line);
        } else {
            flush(rows, removed, added);
            rows.append(Row{Kind::Same, line, line, true, true});
        }
    }
    flush(rows, removed, added);
    return rows;
}

} // namespace Retort::Ui

#include "graphsimplifier.h"

#include <QHash>

namespace Retort::Ui {

namespace {

void appendNew(QList<int> &to, const QList<int> &from)
{
    for (int row : from) {
        if (!to.contains(row))
            to.append(row);
    }
}

} // namespace

QList<GraphRow> GraphSimplifier::simplify(const QList<GraphRow> &rows, const QList<bool> &kept)
{
    const int count = int(rows.size());
    QHash<QString, int> index;
    index.reserve(count);
    for (int i = 0; i < count; ++i)
        index.insert(rows.at(i).id, i);
    const auto isKept = [&kept](int row) { return row < kept.size() && kept.at(row); };

    // reach[i]: the kept rows an edge into row i stands for. A kept row stands for itself; a
    // left-out row for the union over its parents. Parents come after their children, so one
    // pass from the oldest row up fills it; a left-out row on a line shares its parent's list.
    QList<QList<int>> reach(count);
    const auto reachOf = [&](int row, const QStringList &targets) {
        QList<int> out;
        for (const QString &target : targets) {
            const int t = index.value(target, -1);
            if (t <= row) // missing, or not below: LaneLayout would not draw it either
                continue;
            if (out.isEmpty())
                out = reach.at(t);
            else
                appendNew(out, reach.at(t));
        }
        return out;
    };
    for (int i = count - 1; i >= 0; --i)
        reach[i] = isKept(i) ? QList<int>{i} : reachOf(i, rows.at(i).parents);

    QList<GraphRow> out;
    for (int i = 0; i < count; ++i) {
        if (!isKept(i))
            continue;
        GraphRow row = rows.at(i);
        const QList<int> parents = reachOf(i, row.parents);
        QList<int> dependsOn = reachOf(i, row.dependsOn);
        dependsOn.removeIf([&parents](int r) { return parents.contains(r); });
        row.parents.clear();
        for (int p : parents)
            row.parents.append(rows.at(p).id);
        row.dependsOn.clear();
        for (int d : std::as_const(dependsOn))
            row.dependsOn.append(rows.at(d).id);
        out.append(row);
    }
    return out;
}

} // namespace Retort::Ui

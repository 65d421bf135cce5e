#include "tablefilter.h"

#include <QHash>
#include <QRegularExpression>

namespace Retort {

bool TableFilter::isExcluded(const QString &name) const
{
    if (name.compare(versionTable, Qt::CaseInsensitive) == 0)
        return true;
    if (!historyTable.isEmpty() && name.compare(historyTable, Qt::CaseInsensitive) == 0)
        return true;
    for (const QString &pattern : excludeTables) {
        // Compiled once per pattern and thread: the differ asks for every table of both sides.
        thread_local QHash<QString, QRegularExpression> cache;
        auto it = cache.constFind(pattern);
        if (it == cache.constEnd()) {
            it = cache.insert(
                pattern,
                QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern),
                                   QRegularExpression::CaseInsensitiveOption));
        }
        if (it->match(name).hasMatch())
            return true;
    }
    return false;
}

} // namespace Retort

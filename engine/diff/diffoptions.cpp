#include "diffoptions.h"

#include <engine/core/enginetr.h>

#include <QHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ops {

Result<ColumnRename> ColumnRename::parse(const QString &spec)
{
    const int eq = spec.indexOf(u'=');
    const int dot = eq < 0 ? -1 : spec.left(eq).lastIndexOf(u'.');
    ColumnRename rename;
    if (dot > 0) {
        rename.table = spec.left(dot).trimmed();
        rename.from = spec.mid(dot + 1, eq - dot - 1).trimmed();
        rename.to = spec.mid(eq + 1).trimmed();
    }
    if (rename.table.isEmpty() || rename.from.isEmpty() || rename.to.isEmpty()) {
        return Error(Error::Kind::Usage,
                     Tr::tr("Invalid rename '%1': expected TABLE.OLD=NEW.").arg(spec));
    }
    return rename;
}

bool DiffOptions::isExcluded(const QString &table) const
{
    if (table.compare(versionTable, Qt::CaseInsensitive) == 0)
        return true;
    if (!historyTable.isEmpty() && table.compare(historyTable, Qt::CaseInsensitive) == 0)
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
        if (it->match(table).hasMatch())
            return true;
    }
    return false;
}

} // namespace Retort::Ops

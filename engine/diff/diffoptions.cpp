#include "diffoptions.h"

#include <engine/core/enginetr.h>


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

} // namespace Retort::Ops

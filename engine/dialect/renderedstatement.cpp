#include "renderedstatement.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

QString RenderedStatement::join(const QList<RenderedStatement> &statements,
                                QList<QPair<int, int>> *lines)
{
    QStringList out;
    if (lines)
        lines->clear();
    int line = 0;
    for (const RenderedStatement &statement : statements) {
        QStringList block;
        if (!statement.note.isEmpty()) {
            for (const QString &note : statement.note.split(u'\n'))
                block.append(u"-- "_s + note);
        }
        block.append(QString(statement.sql + u";"_s).split(u'\n'));
        if (lines)
            lines->append({line, line + int(block.size()) - 1});
        line += int(block.size()) + 1;
        out.append(block.join(u'\n'));
    }
    return out.join(u"\n\n"_s);
}

} // namespace Retort

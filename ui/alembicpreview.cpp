#include "alembicpreview.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Retort::Ui::AlembicPreview", text, nullptr, n);
}

QString label(const AlembicOperation &op)
{
    const QString what = QString(op.kind).replace(u'_', u' ') + u' ' + op.table;
    return op.name.isEmpty() ? what : QString(what + u'.' + op.name);
}

// Appends one entry's text, a blank line between entries, and records its lines.
void appendChunk(QString &text, QList<QPair<int, int>> &lines, const QString &chunk)
{
    if (!text.isEmpty())
        text += u"\n\n"_s;
    const int first = int(text.count(u'\n'));
    text += chunk;
    lines.append({first, int(text.count(u'\n'))});
}

} // namespace

AlembicPreview AlembicPreview::build(const AlembicComparison &comparison,
                                     const QList<std::pair<int, int>> &entries)
{
    AlembicPreview preview;
    int offline = 0;
    for (const auto &[operation, add] : entries) {
        const AlembicOperation &op = comparison.operations.at(operation);
        const AlembicRenamePreview *rename = add >= 0 ? comparison.rename(operation, add) : nullptr;
        appendChunk(preview.python, preview.pythonLines, rename ? rename->python : op.python);
        const QString error = rename ? rename->sqlError : op.sqlError;
        if (!error.isEmpty())
            ++offline;
        appendChunk(preview.sql, preview.sqlLines,
                    error.isEmpty() ? (rename ? rename->sql : op.sql)
                                    : tr("-- %1: cannot be rendered as offline SQL (%2); Alembic "
                                         "runs it online.")
                                          .arg(label(op), error));
    }
    // The pitfall every SQLModel user meets: the file fails on its first run without it.
    if (preview.python.contains(u"sqlmodel."_s))
        preview.notes << tr("The ticked changes use SQLModel's types (sqlmodel.sql.sqltypes."
                            "AutoString), which Alembic's template does not import: Create "
                            "revision adds \"import sqlmodel\" to the file.");
    if (offline > 0)
        preview.notes << tr("%n ticked change(s) cannot be shown as offline SQL; see the SQL tab.",
                            offline);
    return preview;
}

} // namespace Retort::Ui

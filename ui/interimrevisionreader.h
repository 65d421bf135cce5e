#pragma once

#include <engine/core/result.h>
#include <engine/revision/revision.h>

namespace Retort::Ui {

// TODO(#7): stand-in until RevisionScript/ScriptDirectory (branch splitter) land in main; then
// WorkspaceController calls the engine instead and this file goes. Reads only what the graph
// needs from each revision file's header: id, parents, message, labels, depends-on, create date.
class InterimRevisionReader
{
public:
    // Every *.sql in `versionsDir`, in sorted file-name order.
    static Result<QList<Revision>> readDirectory(const QString &versionsDir);
    static Result<Revision> parseHeader(const QString &text, const QString &filePath);
};

} // namespace Retort::Ui

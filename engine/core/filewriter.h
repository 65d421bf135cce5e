#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace Retort {

// Writes a whole file or nothing: the bytes go to a temporary file beside it, which is flushed,
// synced and only then renamed over the path. Any thread.
//
// QSaveFile alone is not enough on Qt 6.4: its write() only fills Qt's buffer, and commit()
// renames the file even when flushing that buffer failed (a full disk left a 0-byte file and
// "done"). So every step is checked here.
class FileWriter
{
public:
    // Fails with the OS error (Error::file is the path) when any step fails; the temporary file
    // is removed then and `path` is as it was. errorKind is the kind the caller's errors have.
    static Result<> write(const QString &path, const QByteArray &bytes, Error::Kind errorKind);
};

} // namespace Retort

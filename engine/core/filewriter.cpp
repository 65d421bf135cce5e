#include "filewriter.h"

#include "enginetr.h"

#include <QSaveFile>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <cstring>
#include <unistd.h>
#endif

namespace Retort {

Result<> FileWriter::write(const QString &path, const QByteArray &bytes, Error::Kind errorKind)
{
    QSaveFile file(path);
    const auto failed = [&](const QString &reason) {
        file.cancelWriting(); // commit() after this removes the temporary file instead
        file.commit();
        return Error(errorKind, Tr::tr("Cannot write the file: %1.").arg(reason), path);
    };
    // Unbuffered: each write() reaches the file system, and its error is QSaveFile's to keep.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Error(errorKind, Tr::tr("Cannot write the file: %1.").arg(file.errorString()), path);
    // A write that stops short (the disk filled up in the middle) reports its error only on the
    // next call.
    for (qsizetype done = 0; done < bytes.size();) {
        const qint64 n = file.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return failed(file.errorString());
        done += n;
    }
    if (!file.flush())
        return failed(file.errorString());
#if defined(Q_OS_UNIX)
    // Some file systems report a full disk only when the data is synced; QSaveFile ignores
    // the result of its own sync.
    if (::fsync(file.handle()) != 0 && errno != EINVAL && errno != EROFS)
        return failed(QString::fromLocal8Bit(std::strerror(errno)));
#endif
    if (!file.commit())
        return Error(errorKind, Tr::tr("Cannot write the file: %1.").arg(file.errorString()), path);
    return {};
}

} // namespace Retort

#include "scriptdirectory.h"

#include "revisionscript.h"

#include <engine/core/enginetr.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// The line of the "Revision ID" header, to point a duplicate-id error at it. Error path only.
int revisionIdLine(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    int line = 0;
    while (!file.atEnd()) {
        ++line;
        const QByteArray text = file.readLine().trimmed();
        if (text.startsWith("--") && text.mid(2).trimmed().toLower().startsWith("revision id:"))
            return line;
    }
    return 0;
}

Error readError(const QString &filePath, const QString &reason)
{
    return Error(Error::Kind::Script, Tr::tr("Cannot read the file: %1.").arg(reason), filePath);
}

// Reads the files of one folder. Opening and reading 10,000 small files is most of load()'s
// time, so on Unix this uses the folder's descriptor (openat, no stat) instead of QFile, which
// stats each file and reads twice as often.
class Folder
{
public:
    explicit Folder(const QString &path)
        : m_path(QDir(path).absolutePath())
    {
#if defined(Q_OS_UNIX)
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
#endif
    }
    ~Folder()
    {
#if defined(Q_OS_UNIX)
        if (m_fd >= 0)
            ::close(m_fd);
#endif
    }
    Folder(const Folder &) = delete;
    Folder &operator=(const Folder &) = delete;

    QString filePath(const QString &name) const
    {
        return m_path + u'/' + name;
    }
    QStringList scriptNames() const;
    Result<QByteArray> read(const QString &name) const;

private:
    QString m_path;
#if defined(Q_OS_UNIX)
    int m_fd = -1;
#endif
};

QStringList Folder::scriptNames() const
{
    QStringList names;
#if defined(Q_OS_UNIX)
    if (m_fd >= 0) {
        const int fd = ::dup(m_fd);
        DIR *dir = fd >= 0 ? ::fdopendir(fd) : nullptr;
        if (dir) {
            while (const dirent *entry = ::readdir(dir)) {
                const QString name = QFile::decodeName(entry->d_name);
                if (!ScriptDirectory::isScriptName(name))
                    continue;
                bool regular = entry->d_type == DT_REG;
                struct stat st;
                if (entry->d_type == DT_LNK || entry->d_type == DT_UNKNOWN)
                    regular = ::fstatat(m_fd, entry->d_name, &st, 0) == 0 && S_ISREG(st.st_mode);
                if (regular)
                    names.append(name);
            }
            ::closedir(dir);
            return names;
        }
        if (fd >= 0)
            ::close(fd);
    }
#endif
    QDirIterator it(m_path, QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden);
    while (it.hasNext()) {
        it.next();
        if (ScriptDirectory::isScriptName(it.fileName()))
            names.append(it.fileName());
    }
    return names;
}

Result<QByteArray> Folder::read(const QString &name) const
{
#if defined(Q_OS_UNIX)
    if (m_fd >= 0) {
        int fd;
        do {
            fd = ::openat(m_fd, QFile::encodeName(name).constData(), O_RDONLY | O_CLOEXEC);
        } while (fd < 0 && errno == EINTR);
        if (fd < 0)
            return readError(filePath(name), qt_error_string(errno));
        QByteArray bytes;
        char buffer[16384];
        for (;;) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n > 0) {
                bytes.append(buffer, n);
                // A regular file gives fewer bytes than asked only at its end (reads of local
                // files are not cut short by signals): no second read to see 0. System calls are
                // about half of loading 10,000 files.
                if (size_t(n) < sizeof buffer) {
                    ::close(fd);
                    return bytes;
                }
            } else if (n == 0 || errno != EINTR) {
                const int error = n < 0 ? errno : 0;
                ::close(fd);
                if (error)
                    return readError(filePath(name), qt_error_string(error));
                return bytes;
            }
        }
    }
#endif
    QFile file(filePath(name));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return readError(file.fileName(), file.errorString());
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return readError(file.fileName(), file.errorString());
    return bytes;
}

Result<Revision> readScript(const Folder &folder, const QString &name)
{
    const Result<QByteArray> bytes = folder.read(name);
    if (!bytes)
        return bytes.error();
    return RevisionScript::parseUtf8(*bytes, folder.filePath(name));
}

// Runs job(i) for i in [0, count) on a few threads; each index exactly once.
template<typename Job>
void forEachIndex(qsizetype count, const Job &job)
{
    const int threads = count < 256 ? 1 : qBound(1, QThread::idealThreadCount(), 8);
    std::atomic<qsizetype> next{0};
    const auto worker = [&] {
        for (qsizetype i = next++; i < count; i = next++)
            job(i);
    };
    std::vector<std::jthread> helpers;
    for (int t = 1; t < threads; ++t) {
        try {
            helpers.emplace_back(worker);
        } catch (const std::system_error &) {
            break; // no thread to be had: this one does the rest
        }
    }
    worker();
}

} // namespace

Result<QStringList> ScriptDirectory::scriptFiles(const QString &versionsDir)
{
    if (!QFileInfo(versionsDir).isDir())
        return Error(Error::Kind::Script,
                     Tr::tr("The versions folder %1 does not exist.").arg(versionsDir));
    QStringList names = Folder(versionsDir).scriptNames();
    std::sort(names.begin(), names.end()); // QString's operator<: code units, locale-free
    return names;
}

Result<QList<Revision>> ScriptDirectory::load(const QString &versionsDir)
{
    const Result<QStringList> names = scriptFiles(versionsDir);
    if (!names)
        return names.error();
    const Folder folder(versionsDir);
    std::vector<std::optional<Result<Revision>>> parsed(size_t(names->size()));
    forEachIndex(names->size(),
                 [&](qsizetype i) { parsed[size_t(i)] = readScript(folder, names->at(i)); });

    QList<Revision> revisions;
    revisions.reserve(names->size());
    QHash<QString, qsizetype> byId;
    byId.reserve(names->size());
    for (std::optional<Result<Revision>> &revision : parsed) {
        if (!*revision)
            return revision->error();
        const auto it = byId.constFind((*revision)->id);
        if (it != byId.constEnd()) {
            const QString &first = revisions.at(*it).filePath;
            const QString &second = (*revision)->filePath;
            return Error(Error::Kind::Script,
                         Tr::tr("Revision id \"%1\" is also used by %2.")
                                 .arg((*revision)->id, QFileInfo(first).fileName()),
                         second,
                         revisionIdLine(second));
        }
        byId.insert((*revision)->id, revisions.size());
        revisions.append(std::move(**revision));
    }
    return revisions;
}

bool ScriptDirectory::isScriptName(const QString &name)
{
    return name.endsWith(u".sql") && !name.startsWith(u'.') && !name.contains(u'/');
}

} // namespace Retort

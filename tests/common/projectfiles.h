#pragma once

// Project folders for tests: a copy of the bundled example, and a listing to check that a failed
// call left a folder as it was.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>

namespace RetortTest {

// Copies a folder tree; false on any failure.
inline bool copyFolder(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    const QFileInfoList entries =
        QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo &entry : entries) {
        const QString target = to + QLatin1Char('/') + entry.fileName();
        if (entry.isDir() ? !copyFolder(entry.filePath(), target)
                          : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

// resources/example copied to `to`; `to` itself, or an empty string when the copy failed.
inline QString copyExampleProject(const QString &to)
{
    return copyFolder(QStringLiteral(RETORT_SOURCE_DIR "/resources/example"), to) ? to : QString();
}

// Every path under `dir` with its size, sorted.
inline QStringList folderListing(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        out.append(it.filePath() + QLatin1Char(' ') + QString::number(it.fileInfo().size()));
    }
    out.sort();
    return out;
}

} // namespace RetortTest

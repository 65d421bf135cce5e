#include "scriptdirectory.h"

#include "revisionscript.h"

#include <engine/core/enginetr.h>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

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

} // namespace

Result<QStringList> ScriptDirectory::scriptFiles(const QString &versionsDir)
{
    const QFileInfo info(versionsDir);
    if (!info.isDir())
        return Error(Error::Kind::Script,
                     Tr::tr("The versions folder %1 does not exist.").arg(versionsDir));
    QStringList names;
    QDirIterator it(versionsDir, QDir::Files | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        it.next();
        const QString name = it.fileName();
        if (name.endsWith(u".sql") && !name.startsWith(u'.'))
            names.append(name);
    }
    std::sort(names.begin(), names.end()); // QString's operator<: code units, locale-free
    return names;
}

Result<QList<Revision>> ScriptDirectory::load(const QString &versionsDir)
{
    const Result<QStringList> names = scriptFiles(versionsDir);
    if (!names)
        return names.error();
    const QDir dir(versionsDir);
    QList<Revision> revisions;
    revisions.reserve(names->size());
    QHash<QString, qsizetype> byId;
    byId.reserve(names->size());
    for (const QString &name : *names) {
        Result<Revision> revision = RevisionScript::read(dir.absoluteFilePath(name));
        if (!revision)
            return revision.error();
        const auto it = byId.constFind(revision->id);
        if (it != byId.constEnd()) {
            const QString &first = revisions.at(*it).filePath;
            return Error(Error::Kind::Script,
                         Tr::tr("Revision id \"%1\" is also used by %2.")
                             .arg(revision->id, QFileInfo(first).fileName()),
                         revision->filePath, revisionIdLine(revision->filePath));
        }
        byId.insert(revision->id, revisions.size());
        revisions.append(std::move(*revision));
    }
    return revisions;
}

} // namespace Retort

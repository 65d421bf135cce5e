#include "interimrevisionreader.h"

#include <engine/core/enginetr.h>

#include <QDir>
#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

namespace {

QStringList splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
    return out;
}

void applyField(Revision &revision, const QString &name, const QString &value)
{
    const QString key = name.trimmed().toLower();
    if (key == u"revision id")
        revision.id = value;
    else if (key == u"revises")
        revision.parents = splitList(value);
    else if (key == u"create date")
        revision.createDate = value;
    else if (key == u"branch labels")
        revision.branchLabels = splitList(value);
    else if (key == u"depends on")
        revision.dependsOn = splitList(value);
}

} // namespace

Result<Revision> InterimRevisionReader::parseHeader(const QString &text, const QString &filePath)
{
    Revision revision;
    revision.filePath = filePath;
    const QStringList lines = text.split(u'\n');
    bool haveMessage = false;
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        if (!line.startsWith(u"--"_s) || line.startsWith(u"-- migrate:upgrade"_s))
            break;
        const QString body = line.mid(2).trimmed();
        if (!haveMessage) {
            revision.message = body;
            haveMessage = true;
            continue;
        }
        const qsizetype colon = body.indexOf(u':');
        if (colon > 0 && !body.startsWith(u"migrate:"_s))
            applyField(revision, body.left(colon), body.mid(colon + 1).trimmed());
    }
    if (revision.id.isEmpty())
        return Error(Error::Kind::Script, Tr::tr("The header has no \"Revision ID:\" line."),
                     filePath, 1);
    return revision;
}

Result<QList<Revision>> InterimRevisionReader::readDirectory(const QString &versionsDir)
{
    QDir dir(versionsDir);
    if (!dir.exists())
        return Error(Error::Kind::Config, Tr::tr("The folder %1 does not exist.").arg(versionsDir));
    QList<Revision> revisions;
    const QStringList names = dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QString path = dir.absoluteFilePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error(Error::Kind::Script, Tr::tr("Cannot read %1.").arg(path), path);
        Result<Revision> revision = parseHeader(QString::fromUtf8(file.readAll()), path);
        if (!revision)
            return revision.error();
        revisions.append(std::move(*revision));
    }
    return revisions;
}

} // namespace Retort::Ui

#include "projectpythonsettings.h"

#include <QCryptographicHash>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace Retort::Ui {

// Beside DatabaseList's entries of the same project.
QString ProjectPythonSettings::group(const QString &iniPath)
{
    const QByteArray hash = QCryptographicHash::hash(iniPath.toUtf8(), QCryptographicHash::Sha1);
    return u"projects/"_s + QString::fromLatin1(hash.toHex().left(16)) + u"/python"_s;
}

PythonLocator::Options ProjectPythonSettings::load(const QString &iniPath)
{
    PythonLocator::Options options;
    options.iniPath = iniPath;
    QSettings settings;
    settings.beginGroup(group(iniPath));
    options.setting = settings.value(u"interpreter"_s).toString();
    options.prefix = settings.value(u"prefix"_s).toStringList();
    options.pathMap = parsePathMap(settings.value(u"pathMap"_s).toString());
    settings.endGroup();
    return options;
}

void ProjectPythonSettings::save(const PythonLocator::Options &options)
{
    QSettings settings;
    settings.remove(group(options.iniPath));
    if (options.setting.isEmpty() && options.prefix.isEmpty() && options.pathMap.isEmpty())
        return;
    settings.beginGroup(group(options.iniPath));
    settings.setValue(u"ini"_s, options.iniPath); // for a person reading the settings file
    settings.setValue(u"interpreter"_s, options.setting);
    settings.setValue(u"prefix"_s, options.prefix);
    settings.setValue(u"pathMap"_s, pathMapText(options.pathMap));
    settings.endGroup();
}

QString ProjectPythonSettings::pathMapText(const QList<QPair<QString, QString>> &map)
{
    QStringList lines;
    for (const auto &[host, container] : map)
        lines << host + u" = "_s + container;
    return lines.join(u'\n');
}

QList<QPair<QString, QString>> ProjectPythonSettings::parsePathMap(const QString &text)
{
    QList<QPair<QString, QString>> map;
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype at = line.indexOf(u" = "_s);
        if (at <= 0)
            continue;
        const QString host = line.left(at).trimmed();
        const QString container = line.mid(at + 3).trimmed();
        if (!host.isEmpty() && !container.isEmpty())
            map.append({host, container});
    }
    return map;
}

} // namespace Retort::Ui

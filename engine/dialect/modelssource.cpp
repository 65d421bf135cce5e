#include "modelssource.h"

#include "ormmodels.h"

#include <engine/core/enginetr.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

constexpr int commandTimeoutMs = 120'000;

Error modelsError(const QString &message, const QString &file = {}, int line = 0)
{
    return Error(Error::Kind::Config, message, file, line);
}

QStringList expandGlob(const QString &projectDir, const QString &pattern)
{
    const QFileInfo info(QDir(projectDir).absoluteFilePath(pattern));
    if (!pattern.contains(u'*') && !pattern.contains(u'?') && !pattern.contains(u'['))
        return {info.absoluteFilePath()};
    QStringList out;
    const QDir dir(info.absolutePath());
    for (const QString &name : dir.entryList({info.fileName()}, QDir::Files, QDir::Name))
        out << dir.absoluteFilePath(name);
    return out;
}

// The command's last stderr line with each ${VAR} value of the command as written put back as
// "${VAR}": the shell echoes the expanded command in its errors ("sh: 1: /x/s3cret: not found").
// Values shorter than 4 characters are left, so a short value does not blank out words.
QString withoutExpandedValues(QString text, const QString &asWritten, const QProcessEnvironment &env)
{
    static const QRegularExpression var(u"\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\\}"_s);
    for (auto it = var.globalMatch(asWritten); it.hasNext();) {
        const QString name = it.next().captured(1);
        const QString value = env.value(name);
        if (value.size() >= 4)
            text.replace(value, u"${"_s + name + u'}');
    }
    return text;
}

} // namespace

Result<QList<ModelsText>> ModelsSource::read(const Config &config, SqlDialect dialect)
{
    if (!config.models.isEmpty()) {
        const Result<QString> dumped = OrmModels::dump(config, dialect);
        if (!dumped)
            return dumped.error();
        return QList<ModelsText>{{u"models: "_s + config.models, *dumped}};
    }
    return config.schemaCommand.isEmpty() ? readFiles(config) : runCommand(config, dialect);
}

Result<QList<ModelsText>> ModelsSource::readFiles(const Config &config)
{
    QList<ModelsText> out;
    for (const QString &pattern : config.schema) {
        const QStringList files = expandGlob(config.projectDir, pattern);
        if (files.isEmpty())
            return modelsError(Tr::tr("The models pattern '%1' matches no file.").arg(pattern),
                               config.iniPath);
        for (const QString &path : files) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return modelsError(Tr::tr("Cannot read the models file %1: %2.")
                                       .arg(path, file.errorString()), config.iniPath);
            const QByteArray bytes = file.readAll();
            // A NUL would end a statement at the driver, which then reports "No query".
            if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
                return Error(Error::Kind::Config,
                             Tr::tr("The models file contains a NUL byte; it must be text."), path,
                             int(QByteArrayView(bytes).first(nul).count('\n')) + 1);
            out << ModelsText{path, QString::fromUtf8(bytes)};
        }
    }
    if (out.isEmpty())
        return modelsError(Tr::tr("No models are configured: set 'schema' or 'schema_command'."),
                           config.iniPath);
    return out;
}

Result<QList<ModelsText>> ModelsSource::runCommand(const Config &config, SqlDialect dialect)
{
    // Messages show the command as written in the ini: after ${VAR} expansion it may hold a
    // password (e.g. ${DBPW} in a connection string).
    const QString shown = config.schemaCommandAsWritten.isEmpty() ? config.schemaCommand
                                                                  : config.schemaCommandAsWritten;
    const QString label = u"schema_command: "_s + shown;
    QProcess process;
    process.setWorkingDirectory(config.projectDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"RETORT_DIALECT"_s, dialectName(dialect));
    process.setProcessEnvironment(env);
    process.start(u"/bin/sh"_s, {u"-c"_s, config.schemaCommand});
    if (!process.waitForStarted())
        return modelsError(Tr::tr("Cannot start schema_command '%1': %2.")
                               .arg(shown, process.errorString()),
                           config.iniPath, config.schemaCommandLine);
    process.closeWriteChannel();
    if (!process.waitForFinished(commandTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return modelsError(Tr::tr("schema_command '%1' did not finish within %2 seconds.")
                               .arg(shown, QString::number(commandTimeoutMs / 1000)),
                           config.iniPath, config.schemaCommandLine);
    }
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString lastLine = withoutExpandedValues(err.section(u'\n', -1).trimmed(),
                                                       config.schemaCommandAsWritten, env);
        return modelsError(Tr::tr("schema_command '%1' failed with exit status %2%3")
                               .arg(shown, QString::number(process.exitCode()),
                                    lastLine.isEmpty() ? u"."_s : u": "_s + lastLine + u'.'),
                           config.iniPath, config.schemaCommandLine);
    }
    return QList<ModelsText>{{label, QString::fromUtf8(process.readAllStandardOutput())}};
}

} // namespace Retort

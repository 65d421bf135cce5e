#include "ormmodels.h"

#include <engine/alembic/pythonlocator.h>
#include <engine/core/enginetr.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

constexpr int timeoutMs = 120'000;

Error modelsError(const Config &config, const QString &message)
{
    return Error(Error::Kind::Config, message, config.iniPath, config.modelsLine);
}

} // namespace

QByteArray OrmModels::script()
{
    QFile file(u":/retort/dialect/retort_models.py"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Result<QString> OrmModels::dump(const Config &config, SqlDialect dialect)
{
    const QByteArray source = script();
    if (source.isEmpty())
        return Error(Error::Kind::Internal, Tr::tr("The models dumper is missing from this build."));
    const Result<PythonInterpreter> python = PythonLocator::locate({config.iniPath, {}, {}, {}});
    if (!python)
        return modelsError(config, Tr::tr("models = %1 needs Python: %2")
                                       .arg(config.models, python.error().message));
    QProcess process;
    process.setWorkingDirectory(config.projectDir);
    // The script's length comes first, then the script, then one JSON request line.
    process.start(python->program,
                  {u"-c"_s, u"import sys;b=sys.stdin.buffer;n=int(b.readline());"
                            "exec(compile(b.read(n),'retort_models.py','exec'))"_s});
    if (!process.waitForStarted())
        return modelsError(config, Tr::tr("Cannot start the Python interpreter %1: %2.")
                                       .arg(python->program, process.errorString()));
    const QJsonObject request{{u"models"_s, config.models},
                              {u"dialect"_s, dialectName(dialect)},
                              {u"cwd"_s, config.projectDir}};
    process.write(QByteArray::number(source.size()) + '\n' + source
                  + QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return modelsError(config, Tr::tr("models = %1 did not finish within %2 seconds.")
                                       .arg(config.models, QString::number(timeoutMs / 1000)));
    }
    const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString last = err.section(u'\n', -1).trimmed();
        const QString said = last.startsWith(u"retort-models: "_s) ? last.mid(15) : last;
        return modelsError(config, Tr::tr("models = %1 failed (%2): %3.")
                                       .arg(config.models, python->program,
                                            said.isEmpty() ? Tr::tr("no message") : said));
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace Retort

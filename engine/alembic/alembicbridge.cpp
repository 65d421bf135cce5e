#include "alembicbridge.h"

#include <engine/core/enginetr.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// Keys whose string values (or arrays of strings) are file system paths in the bridge protocol.
const QStringList requestPathKeys = {u"ini"_s, u"cwd"_s, u"version_path"_s};
const QStringList resultPathKeys = {u"path"_s, u"paths"_s, u"file"_s, u"script_location"_s,
                                    u"version_locations"_s};

constexpr int startTimeoutMs = 30000;
constexpr int pollMs = 100;
constexpr int stderrTailLines = 12;

QJsonValue mapPaths(const QJsonValue &value, const QStringList &keys, const QString &key,
                    const std::function<QString(const QString &)> &map)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = mapPaths(it.value(), keys, it.key(), map);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = mapPaths(*it, keys, key, map);
        return array;
    }
    if (value.isString() && keys.contains(key))
        return map(value.toString());
    return value;
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString();
    return list;
}

Direction direction(const QJsonObject &event)
{
    if (event.value(u"stamp").toBool())
        return Direction::Stamp;
    return event.value(u"up").toBool() ? Direction::Upgrade : Direction::Downgrade;
}

// The stderr of env.py (logging) and of Python itself; only its end is kept for messages.
class StderrTail
{
public:
    void append(const QByteArray &bytes)
    {
        m_text += QString::fromUtf8(bytes);
        QStringList lines = m_text.split(u'\n');
        if (lines.size() > stderrTailLines * 4)
            m_text = lines.mid(lines.size() - stderrTailLines * 2).join(u'\n');
    }
    QString last() const
    {
        QStringList lines = m_text.trimmed().split(u'\n', Qt::SkipEmptyParts);
        return lines.mid(std::max<qsizetype>(0, lines.size() - stderrTailLines)).join(u'\n');
    }

private:
    QString m_text;
};

// Turns protocol lines into progress events and, at the end, the result.
class LineHandler
{
public:
    LineHandler(const PythonInterpreter &interpreter, ProgressSink &sink)
        : m_interpreter(interpreter), m_sink(sink)
    {}

    // True once the final line (result or error) has been seen.
    bool handle(const QByteArray &line)
    {
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        const QString type = object.value(u"type").toString();
        if (type == u"event") {
            event(object);
            return false;
        }
        if (type != u"result" && type != u"error")
            return false; // not ours: a stray line cannot end the run
        QJsonObject mapped = mapPaths(object, resultPathKeys, {}, [this](const QString &p) {
                                 return m_interpreter.toHostPath(p);
                             }).toObject();
        mapped.remove(u"type"_s);
        m_final = type == u"result" ? Result<QJsonObject>(mapped)
                                    : Result<QJsonObject>(error(mapped));
        return true;
    }

    const std::optional<Result<QJsonObject>> &final() const { return m_final; }

private:
    void event(const QJsonObject &event)
    {
        const QString name = event.value(u"event").toString();
        if (name == u"plan") {
            m_count = event.value(u"steps").toInt();
            m_sink.report(Progress::PlanReady{m_count});
        } else if (name == u"start") {
            m_timer.start();
            m_sink.report(Progress::StepStarted{m_index, m_count, direction(event),
                                                strings(event.value(u"from")),
                                                strings(event.value(u"to")),
                                                event.value(u"revision").toString(),
                                                event.value(u"message").toString()});
        } else if (name == u"step") {
            m_sink.report(Progress::StepFinished{m_index, event.value(u"revision").toString(),
                                                 m_timer.isValid() ? m_timer.elapsed() : 0});
            ++m_index;
        }
    }

    Error error(const QJsonObject &line) const
    {
        const QString kind = line.value(u"kind").toString();
        const QString message = line.value(u"message").toString();
        Error e;
        e.kind = kind == u"missing_alembic"  ? Error::Kind::Config
                 : kind == u"command_error" ? Error::Kind::Graph
                 : kind == u"database"      ? Error::Kind::Database
                 : kind == u"bad_request"   ? Error::Kind::Internal
                                            : Error::Kind::Script;
        e.message = message;
        if (kind == u"missing_alembic") {
            e.message = Tr::tr("Alembic is not installed in the Python interpreter %1 (%2).")
                            .arg(line.value(u"python").toString(), message);
        }
        e.file = line.value(u"file").toString();
        e.line = line.value(u"line").toInt();
        e.sql = line.value(u"sql").toString();
        e.detail = line.value(u"detail").toString();
        return e;
    }

    const PythonInterpreter &m_interpreter;
    ProgressSink &m_sink;
    std::optional<Result<QJsonObject>> m_final;
    QElapsedTimer m_timer;
    int m_index = 0;
    int m_count = 0;
};

} // namespace

AlembicBridge::AlembicBridge(PythonInterpreter interpreter)
    : m_interpreter(std::move(interpreter))
{}

QByteArray AlembicBridge::script()
{
    QFile file(u":/retort/alembic/retort_bridge.py"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString AlembicBridge::loader()
{
    // One line, so that it passes through any command prefix as a single -c argument. The
    // script's length comes first: stdin then stays open for the request and control lines.
    return u"import sys;b=sys.stdin.buffer;n=int(b.readline());"
           "exec(compile(b.read(n),'retort_bridge.py','exec'))"_s;
}

Result<QJsonObject> AlembicBridge::run(const QJsonObject &request, ProgressSink &sink,
                                       const CancelToken &cancel) const
{
    const QByteArray source = script();
    if (source.isEmpty())
        return Error(Error::Kind::Internal,
                     Tr::tr("The Alembic bridge script is missing from this build."));
    const QJsonObject mapped = mapPaths(request, requestPathKeys, {}, [this](const QString &p) {
                                   return m_interpreter.toInterpreterPath(p);
                               }).toObject();

    QProcess process;
    // [prefix...] program -c loader: the prefix's first word is what QProcess starts.
    QStringList command = m_interpreter.prefix;
    command << m_interpreter.program << u"-c"_s << loader();
    process.setProgram(command.takeFirst());
    process.setArguments(command);
    process.start();
    if (!process.waitForStarted(startTimeoutMs)) {
        return Error(Error::Kind::Config,
                     Tr::tr("Cannot start the Python interpreter %1: %2.")
                         .arg(m_interpreter.displayCommand(), process.errorString()));
    }
    process.write(QByteArray::number(source.size()) + '\n' + source
                  + QJsonDocument(mapped).toJson(QJsonDocument::Compact) + '\n');

    LineHandler handler(m_interpreter, sink);
    StderrTail tail;
    bool cancelSent = false;
    for (;;) {
        if (cancel.isCancelled() && !cancelSent) {
            process.write("{\"cancel\": true}\n");
            cancelSent = true;
        }
        const bool running = process.state() != QProcess::NotRunning;
        if (running)
            process.waitForReadyRead(pollMs);
        tail.append(process.readAllStandardError());
        while (process.canReadLine()) {
            if (handler.handle(process.readLine()))
                break;
        }
        if (handler.final() || !running)
            break;
    }
    // The bridge exits after its final line; its stdin is closed so that it cannot wait on it.
    process.closeWriteChannel();
    if (!process.waitForFinished(startTimeoutMs))
        process.kill();
    if (handler.final())
        return *handler.final();
    tail.append(process.readAllStandardError());
    const QString stderrText = tail.last();
    return Error(Error::Kind::Internal,
                 Tr::tr("The Python interpreter %1 exited with code %2 without an answer from the "
                        "Alembic bridge%3")
                     .arg(m_interpreter.displayCommand())
                     .arg(process.exitCode())
                     .arg(stderrText.isEmpty() ? u"."_s : u": "_s + stderrText));
}

Result<AlembicVersions> AlembicBridge::probe() const
{
    NullProgressSink sink;
    const CancelToken never;
    const Result<QJsonObject> result = run(QJsonObject{{u"command"_s, u"probe"_s}}, sink, never);
    if (!result)
        return result.error();
    return AlembicVersions{result->value(u"python").toString(),
                           result->value(u"python_version").toString(),
                           result->value(u"alembic_version").toString(),
                           result->value(u"sqlalchemy_version").toString()};
}

} // namespace Retort

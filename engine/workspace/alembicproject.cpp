#include "alembicproject.h"

#include <engine/alembic/alembicdirectory.h>
#include <engine/core/enginetr.h>
#include <engine/revision/revisiongraph.h>

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

QStringList toStringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

// The bridge names the revision it ran ("up" / "stamp" and the ids); the report is the
// native runner's shape, so the CLI and the GUI print both kinds alike.
StepReport stepOf(const QJsonObject &applied)
{
    StepReport step;
    step.revision = applied.value(u"revision").toString();
    step.direction = applied.value(u"stamp").toBool()  ? Direction::Stamp
                     : applied.value(u"up").toBool() ? Direction::Upgrade
                                                      : Direction::Downgrade;
    step.fromRevisions = toStringList(applied.value(u"from"));
    step.toRevisions = toStringList(applied.value(u"to"));
    return step;
}

QString commandOf(MigrationRequest::Kind kind)
{
    switch (kind) {
    case MigrationRequest::Kind::Upgrade:
        return u"upgrade"_s;
    case MigrationRequest::Kind::Downgrade:
        return u"downgrade"_s;
    case MigrationRequest::Kind::Stamp:
        break;
    }
    return u"stamp"_s;
}

// A Retort URL as SQLAlchemy reads it: the drivers Debian's python3-psycopg2 and
// python3-pymysql provide; a socket option becomes the drivers' own.
QString sqlAlchemyUrlOf(const QString &url)
{
    QString out = url;
    if (out.startsWith(u"mysql://"))
        out.replace(0, 8, u"mysql+pymysql://"_s);
    else if (out.startsWith(u"mariadb://"))
        out.replace(0, 10, u"mariadb+pymysql://"_s);
    const bool postgres = out.startsWith(u"postgresql");
    out.replace(u"?socket="_s, postgres ? u"?host="_s : u"?unix_socket="_s);
    out.replace(u"&socket="_s, postgres ? u"&host="_s : u"&unix_socket="_s);
    return out;
}

} // namespace

AlembicProject::AlembicProject(AlembicConfig config, PythonLocator::Options python,
                               QString urlOverride, QStringList xArguments)
    : m_config(std::move(config))
    , m_python(std::move(python))
    , m_urlOverride(std::move(urlOverride))
    , m_xArguments(std::move(xArguments))
{}

Result<AlembicBridge> AlembicProject::bridge() const
{
    Result<PythonInterpreter> interpreter = PythonLocator::locate(m_python);
    if (!interpreter)
        return interpreter.error();
    return AlembicBridge(std::move(*interpreter));
}

Result<AlembicVersions> AlembicProject::probe() const
{
    const Result<AlembicBridge> python = bridge();
    if (!python)
        return python.error();
    return python->probe();
}

Result<QJsonObject> AlembicProject::call(QJsonObject request, ProgressSink &sink,
                                         const CancelToken &cancel) const
{
    const Result<AlembicBridge> python = bridge();
    if (!python)
        return python.error();
    request.insert(u"ini"_s, m_config.iniPath);
    request.insert(u"name"_s, m_config.section);
    // Alembic resolves a relative script_location against the working directory; the ini's
    // folder is where the project's own commands run (see AlembicIni).
    request.insert(u"cwd"_s, QFileInfo(m_config.iniPath).absolutePath());
    if (!m_urlOverride.isEmpty())
        request.insert(u"sqlalchemy_url"_s, sqlAlchemyUrlOf(m_urlOverride));
    if (!m_xArguments.isEmpty())
        request.insert(u"x"_s, QJsonArray::fromStringList(m_xArguments));
    Result<QJsonObject> result = python->run(request, sink, cancel);
    if (!result) {
        // The traceback stays out of the one-sentence message: the message has its last line
        // and the revision's file:line already.
        Error e = result.error();
        e.detail.clear();
        return e;
    }
    return result;
}

Result<QList<Revision>> AlembicProject::loadRevisions() const
{
    Result<QList<AlembicModule>> modules = AlembicDirectory::load(m_config);
    if (!modules)
        return modules.error();
    QList<Revision> revisions;
    revisions.reserve(modules->size());
    QStringList dynamicPaths;
    for (AlembicModule &module : *modules) {
        if (module.dynamic)
            dynamicPaths << module.revision.filePath;
        revisions << std::move(module.revision);
    }
    if (!dynamicPaths.isEmpty()) {
        if (Result<> resolved = resolveDynamic(revisions, dynamicPaths); !resolved)
            return resolved.error();
    }
    return revisions;
}

// Modules whose ids are computed are never guessed: Alembic itself imports them (the bridge's
// `graph`), and its values replace what the literal reader could not read.
Result<> AlembicProject::resolveDynamic(QList<Revision> &revisions,
                                        const QStringList &dynamicPaths) const
{
    NullProgressSink sink;
    const Result<QJsonObject> graph = call({{u"command"_s, u"graph"_s}}, sink);
    if (!graph) {
        Error e = graph.error();
        e.message = Tr::tr("%1 computes its revision ids, so the project's Python must read it, "
                           "and that failed: %2")
                        .arg(QFileInfo(dynamicPaths.first()).fileName(), e.message);
        if (e.file.isEmpty())
            e.file = dynamicPaths.first();
        return e;
    }
    QHash<QString, QJsonObject> byPath;
    for (const QJsonValue &v : graph->value(u"revisions").toArray()) {
        const QJsonObject o = v.toObject();
        byPath.insert(QFileInfo(o.value(u"path").toString()).canonicalFilePath(), o);
    }
    for (Revision &r : revisions) {
        if (!dynamicPaths.contains(r.filePath))
            continue;
        const auto it = byPath.constFind(QFileInfo(r.filePath).canonicalFilePath());
        if (it == byPath.constEnd())
            return Error(Error::Kind::Script,
                         Tr::tr("Alembic did not load this revision module."), r.filePath, 1);
        r.id = it->value(u"id").toString();
        r.parents = toStringList(it->value(u"down_revision"));
        r.branchLabels = toStringList(it->value(u"branch_labels"));
        r.dependsOn = toStringList(it->value(u"depends_on"));
        r.message = it->value(u"doc").toString();
    }
    return {};
}

Result<QString> AlembicProject::writeRevision(const RevisionGraph &, const NewRevision &request) const
{
    const Result<AlembicWrittenRevision> written = writeNewRevision(request);
    if (!written)
        return written.error();
    if (written->path.isEmpty())
        return Error(Error::Kind::Internal, Tr::tr("Alembic wrote no revision file."));
    return written->path;
}

namespace {

QJsonObject revisionCall(const NewRevision &request)
{
    QJsonObject call{{u"command"_s, u"revision"_s},
                     {u"message"_s, request.message},
                     {u"head"_s, request.head},
                     {u"splice"_s, request.splice},
                     {u"depends_on"_s, QJsonArray::fromStringList(request.dependsOn)},
                     {u"autogenerate"_s, request.autogenerate}};
    if (!request.branchLabels.isEmpty())
        call.insert(u"branch_label"_s, request.branchLabels.join(u','));
    if (request.keepOperations) {
        QJsonArray keep;
        for (const int index : *request.keepOperations)
            keep << index;
        call.insert(u"keep"_s, keep);
    }
    if (!request.renameOperations.isEmpty()) {
        QJsonArray renames;
        for (const auto &[drop, add] : request.renameOperations)
            renames << QJsonObject{{u"drop"_s, drop}, {u"add"_s, add}};
        call.insert(u"renames"_s, renames);
    }
    if (!request.writeEmpty)
        call.insert(u"skip_empty"_s, true);
    return call;
}

} // namespace

Result<AlembicWrittenRevision> AlembicProject::writeNewRevision(const NewRevision &request) const
{
    QJsonObject call_;
    if (!request.mergeOf.isEmpty()) {
        call_ = {{u"command"_s, u"merge"_s},
                 {u"revisions"_s, QJsonArray::fromStringList(request.mergeOf)},
                 {u"message"_s, request.message}};
    } else {
        call_ = revisionCall(request);
    }
    if (!request.revId.isEmpty())
        call_.insert(u"rev_id"_s, request.revId);
    NullProgressSink sink;
    const Result<QJsonObject> written = call(call_, sink);
    if (!written)
        return written.error();
    AlembicWrittenRevision result;
    if (written->contains(u"path")) { // a merge
        result.path = written->value(u"path").toString();
        result.revision = written->value(u"revision").toString();
        return result;
    }
    result.empty = written->value(u"empty").toBool();
    const QJsonArray revisions = written->value(u"revisions").toArray();
    if (!revisions.isEmpty()) {
        const QJsonObject first = revisions.first().toObject();
        result.path = first.value(u"path").toString();
        result.revision = first.value(u"revision").toString();
        result.addedImports = toStringList(first.value(u"added_imports"));
    }
    return result;
}

Result<AlembicComparison> AlembicProject::compare(const CancelToken &cancel) const
{
    NullProgressSink sink;
    const Result<QJsonObject> compared = call({{u"command"_s, u"compare"_s}}, sink, cancel);
    if (!compared)
        return compared.error();
    return AlembicComparison::fromJson(*compared);
}

Result<RunReport> AlembicProject::run(const MigrationRequest &request, const RevisionGraph &,
                                      Connection *, ProgressSink &sink,
                                      const CancelToken &cancel) const
{
    QJsonObject call_{{u"command"_s, commandOf(request.kind)}};
    if (request.kind == MigrationRequest::Kind::Stamp) {
        call_.insert(u"targets"_s, QJsonArray::fromStringList(request.targets));
        call_.insert(u"purge"_s, request.purge);
    } else {
        call_.insert(u"target"_s, request.targets.value(0));
    }
    const Result<QJsonObject> result = call(call_, sink, cancel);
    if (!result)
        return result.error();
    RunReport report;
    for (const QJsonValue &applied : result->value(u"applied").toArray())
        report.steps << stepOf(applied.toObject());
    if (result->value(u"cancelled").toBool())
        return Error(Error::Kind::Cancelled,
                     Tr::tr("Cancelled after %n revision(s); each of them was committed.", nullptr,
                            int(report.steps.size())));
    return report;
}

Result<QString> AlembicProject::offlineScript(const MigrationRequest &request,
                                              const QStringList &fromHeads,
                                              const RevisionGraph &) const
{
    QJsonObject call_{{u"command"_s, commandOf(request.kind)}, {u"sql"_s, true}};
    if (request.kind == MigrationRequest::Kind::Stamp) {
        call_.insert(u"targets"_s, QJsonArray::fromStringList(request.targets));
    } else {
        const QString from = fromHeads.isEmpty() ? QString() : fromHeads.join(u',');
        const QString target = request.targets.value(0);
        call_.insert(u"target"_s, from.isEmpty() ? target : from + u':' + target);
    }
    NullProgressSink sink;
    const Result<QJsonObject> result = call(call_, sink);
    if (!result)
        return result.error();
    return result->value(u"sql").toString();
}

Result<QString> AlembicProject::environmentUrl() const
{
    NullProgressSink sink;
    const Result<QJsonObject> found = call({{u"command"_s, u"url"_s}}, sink);
    if (!found)
        return found.error();
    const QString url = found->value(u"url").toString();
    if (url.isEmpty())
        return Error(Error::Kind::Config,
                     Tr::tr("env.py of %1 did not connect to a database with a URL Retort can "
                            "read; give one with --url or RETORT_URL.")
                         .arg(m_config.iniPath));
    return url;
}

} // namespace Retort

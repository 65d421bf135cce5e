// Workspace: the verbs that compare the models with the database (README "Autogenerate").
#include "workspace.h"

#include "alembicproject.h"
#include "projectkind.h"

#include <engine/core/enginetr.h>
#include <engine/db/connection.h>
#include <engine/dialect/schemareader.h>
#include <engine/dialect/sqlrenderer.h>
#include <engine/diff/differ.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

IntrospectOptions introspectOptions(const Config &config)
{
    IntrospectOptions o;
    o.tables = config.tables;
    return o;
}

} // namespace

Result<Schema::Database> Workspace::inspectDatabase() const
{
    const Result<DatabaseUrl> &url = m_url;
    if (!url)
        return url.error();
    auto connection = Connection::open(*url);
    if (!connection)
        return connection.error();
    return SchemaReader::introspect(**connection, introspectOptions(m_config));
}

namespace {

Error notComparedNatively()
{
    return Error(Error::Kind::Config,
                 Tr::tr("This is an Alembic project: its models are compared by its own Alembic "
                        "(retort check, retort revision --autogenerate, the Pending changes "
                        "panel); Retort's diff and inspect --models work on Retort projects "
                        "only for now."));
}

Error notAlembic()
{
    return Error(Error::Kind::Config,
                 Tr::tr("This is a Retort project: its models are compared by Retort itself, "
                        "not by Alembic."));
}

} // namespace

Result<Schema::Database> Workspace::inspectModels() const
{
    if (!m_kind->comparesNatively())
        return notComparedNatively();
    const Result<DatabaseUrl> &url = m_url;
    if (!url)
        return url.error();
    const Result<QList<ModelsText>> models = ModelsSource::read(m_config, url->dialect);
    if (!models)
        return models.error();
    auto connection = Connection::open(*url);
    if (!connection)
        return connection.error();
    return SchemaReader::models(**connection, *models, introspectOptions(m_config), m_config.devUrl);
}

bool Workspace::comparesWithAlembic() const
{
    return dynamic_cast<const AlembicProject *>(m_kind.get()) != nullptr;
}

// The one place where the facade needs the Alembic kind itself: its comparison is Alembic's
// data (operations as Python), which no other kind has, so it stays off ProjectKind.
Result<AlembicComparison> Workspace::compareAlembic(const CancelToken &cancel) const
{
    const auto *alembic = dynamic_cast<const AlembicProject *>(m_kind.get());
    if (!alembic)
        return notAlembic();
    return alembic->compare(cancel);
}

Result<AlembicWrittenRevision> Workspace::writeAlembicRevision(const NewRevision &request) const
{
    const auto *alembic = dynamic_cast<const AlembicProject *>(m_kind.get());
    if (!alembic)
        return notAlembic();
    return alembic->writeNewRevision(request);
}

Result<SchemaComparison> Workspace::compare(const QList<Ops::ColumnRename> &renames) const
{
    if (!m_kind->comparesNatively())
        return notComparedNatively();
    Result<GraphAndConnection> loaded = loadGraphAndConnect();
    if (!loaded)
        return loaded.error();
    if (!loaded->connection)
        return loaded->connection.error();
    const RevisionGraph &graph = loaded->graph;
    Connection &connection = **loaded->connection;
    const Result<QList<ModelsText>> models = ModelsSource::read(m_config, connection.dialect());
    if (!models)
        return models.error();
    SchemaComparison c;
    Result<DatabaseState> state = databaseState(graph, connection, DatabaseState::Detail::WithEdits);
    if (!state)
        return state.error();
    c.state = std::move(*state);
    QStringList graphHeads = graph.resolve(u"heads"_s).value();
    QStringList sortedHeads = c.state.heads;
    graphHeads.sort();
    sortedHeads.sort();
    c.atHead = graphHeads == sortedHeads;
    const IntrospectOptions options = introspectOptions(m_config);
    Result<Schema::Database> current = SchemaReader::introspect(connection, options);
    if (!current)
        return current.error();
    Result<Schema::Database> desired = SchemaReader::models(connection, *models, options,
                                                           m_config.devUrl);
    if (!desired)
        return desired.error();
    c.current = std::move(*current);
    c.desired = std::move(*desired);
    Ops::DiffOptions diffOptions;
    diffOptions.tables = m_config.tables;
    diffOptions.renames = renames;
    c.diff = Ops::Differ::diff(c.current, c.desired, diffOptions);
    const Result<RenderedMigration> rendered =
        SqlRenderer::create(connection.dialect())->renderMigration(c.current, c.diff.operations);
    if (!rendered)
        return rendered.error();
    c.upgrade = rendered->upgrade;
    c.downgrade = rendered->downgrade;
    return c;
}

Result<AutogenerateResult> Workspace::autogenerate(const QString &message,
                                                   const QList<Ops::ColumnRename> &renames,
                                                   const QString &revId) const
{
    if (!m_kind->comparesNatively()) {
        if (!renames.isEmpty())
            return Error(Error::Kind::Usage,
                         Tr::tr("--rename works on Retort projects only for now."));
        NewRevision request;
        request.message = message;
        request.revId = revId;
        request.autogenerate = true;
        const Result<QString> path = writeRevision(request);
        if (!path)
            return path.error();
        AutogenerateResult result;
        result.path = *path;
        return result;
    }
    const Result<SchemaComparison> c = compare(renames);
    if (!c)
        return c.error();
    if (!c->atHead)
        return Error(Error::Kind::Graph, Tr::tr("Target database is not up to date."));
    AutogenerateResult result;
    result.changes = c->diff.describe();
    for (const Ops::Operation &op : c->diff.operations) {
        if (Ops::isDestructive(op))
            result.warnings << Tr::tr("Destructive: %1").arg(Ops::describe(op));
    }
    for (const Ops::RenameCandidate &candidate : c->diff.renameCandidates)
        result.warnings << Tr::tr("%1; to keep its data, run again with --rename %2")
                               .arg(candidate.describe(), candidate.renameSpec());
    if (c->diff.isEmpty())
        return result;
    const Result<QString> path = writeAutogenerated(message, *c, revId);
    if (!path)
        return path.error();
    result.path = *path;
    return result;
}

Result<QString> Workspace::writeAutogenerated(const QString &message,
                                              const SchemaComparison &comparison,
                                              const QString &revId) const
{
    NewRevision request;
    request.message = message;
    request.revId = revId;
    request.upgradeSql = RenderedStatement::join(comparison.upgrade);
    request.downgradeSql = RenderedStatement::join(comparison.downgrade);
    request.noTransaction = RenderedMigration::needsNoTransaction(comparison.upgrade)
                            || RenderedMigration::needsNoTransaction(comparison.downgrade);
    request.foreignKeysOff = RenderedMigration::needsForeignKeysOff(comparison.upgrade)
                             || RenderedMigration::needsForeignKeysOff(comparison.downgrade);
    const QStringList &heads = comparison.state.heads;
    if (heads.size() > 1)
        request.mergeOf = heads;
    else
        request.head = heads.isEmpty() ? u"base"_s : heads.first();
    return writeRevision(request);
}

Result<SchemaComparison> Workspace::withOperations(const SchemaComparison &comparison,
                                                   const Ops::OperationList &operations) const
{
    const Result<DatabaseUrl> &url = m_url;
    if (!url)
        return url.error();
    SchemaComparison c = comparison;
    c.diff.operations = operations;
    const Result<RenderedMigration> rendered =
        SqlRenderer::create(url->dialect)->renderMigration(c.current, c.diff.operations);
    if (!rendered)
        return rendered.error();
    c.upgrade = rendered->upgrade;
    c.downgrade = rendered->downgrade;
    return c;
}

Result<QString> Workspace::tableDdl(const Schema::Table &table) const
{
    const Result<DatabaseUrl> &url = m_url;
    if (!url)
        return url.error();
    const Result<RenderedStatementList> statements =
        SqlRenderer::create(url->dialect)->render(Schema::Database{}, {Ops::CreateTable{table}});
    if (!statements)
        return statements.error();
    return QString(RenderedStatement::join(*statements) + u'\n');
}

} // namespace Retort

#pragma once

#include <engine/alembic/alembicversions.h>
#include <engine/alembic/pythonlocator.h>
#include <engine/config/config.h>
#include <engine/core/canceltoken.h>
#include <engine/core/progress.h>
#include <engine/workspace/projectstate.h>
#include <engine/diff/diffoptions.h>
#include <engine/workspace/migrationpreview.h>
#include <engine/workspace/migrationrequest.h>
#include <engine/workspace/alembiccomparison.h>
#include <engine/workspace/schemacomparison.h>
#include <engine/runner/runreport.h>
#include <engine/config/databaseurl.h>
#include <engine/core/result.h>
#include <engine/revision/newrevision.h>
#include <engine/revision/revisiongraph.h>

#include <memory>

namespace Retort {

class Connection;
class ProjectKind;

// The facade that the CLI and the GUI use: one project and its database. A small value (copy it
// into worker lambdas); every call that touches the database opens and closes its own connection
// on the calling thread. What depends on the kind of project (where revisions come from, how a
// plan runs) is behind ProjectKind; the graph, the planner and the version table are here.
class Workspace
{
public:
    // `location`: a retort.ini or an alembic.ini, a project folder, or empty (search from the
    // current directory upwards; in each folder retort.ini wins over alembic.ini).
    // `urlOverride` (from --url) wins over RETORT_URL and the ini. `python`: the project's own
    // interpreter setting for an Alembic project (the GUI's Project > Python; its iniPath is
    // filled here), which RETORT_PYTHON overrides; ignored for other projects. `xArguments`:
    // Alembic's `-x KEY=VALUE` arguments for env.py (context.get_x_argument); an error when
    // given for a project that is not an Alembic one.
    static Result<Workspace> open(const QString &location, const QString &urlOverride = {},
                                  const PythonLocator::Options &python = {},
                                  const QStringList &xArguments = {});
    // The project file open() would read for `location`: a retort.ini or an alembic.ini.
    // Looks at files only.
    static Result<QString> projectFile(const QString &location);
    // `retort init`: writes retort.ini, schema.sql and migrations/versions/ into `dir` (made if
    // missing) and returns the paths created. Refuses a folder that already has a project and
    // leaves nothing behind when it fails.
    static Result<QStringList> createProject(const QString &dir, const QString &models = {});
    // A Retort project (SQL revision files).
    explicit Workspace(Config config);
    // Any kind of project; `config` still names the database and the tables.
    Workspace(Config config, std::shared_ptr<const ProjectKind> kind);

    const Config &config() const { return m_config; }
    // True for a project whose revisions run in its own Python (an Alembic project).
    bool runsPython() const;
    // That Python and the Alembic in it (starts the interpreter: off the GUI thread). Fails with
    // one sentence naming what was tried when either is missing, or when the project runs no
    // Python.
    Result<AlembicVersions> probePython() const;
    // false: upgrade/downgrade skip SQLite's foreign-key check (`--no-foreign-key-check`).
    void setForeignKeyCheck(bool check) { m_foreignKeyCheck = check; }
    // Parsed once, when the workspace is made: a project without a URL still opens, and says so
    // where a URL is needed.
    const Result<DatabaseUrl> &databaseUrl() const { return m_url; }

    // Reads versions/ and builds the graph; errors name the file (and line) at fault.
    Result<RevisionGraph> loadGraph() const;
    // Writes a new revision (or a merge, when request.mergeOf is set) into versions/ and returns
    // its path. Nothing is written when the request is refused.
    Result<QString> writeRevision(NewRevision request) const;

    // The graph and the database's version-table rows (with edited and unknown revisions
    // flagged) in one call: the files load on a second thread while this one connects. Fails
    // only for the graph; a database that cannot be read is reported in ProjectState::database.
    Result<ProjectState> projectState(
        DatabaseState::Detail detail = DatabaseState::Detail::WithEdits) const;
    // Run revisions (README "Safety"): lock, re-read the rows, plan, one transaction per revision.
    Result<RunReport> upgrade(const QString &target, ProgressSink &sink,
                              const CancelToken &cancel = CancelToken()) const;
    Result<RunReport> downgrade(const QString &target, ProgressSink &sink,
                                const CancelToken &cancel = CancelToken()) const;
    Result<RunReport> stamp(const QStringList &targets, bool purge, ProgressSink &sink,
                            const CancelToken &cancel = CancelToken()) const;
    // Offline scripts (--sql), without connecting. range: "TO" (from base) or "FROM:TO";
    // downgrades require "FROM:TO".
    Result<QString> upgradeSql(const QString &range) const;
    Result<QString> downgradeSql(const QString &range) const;
    Result<QString> stampSql(const QStringList &targets) const;
    // Statements that drop data (DROP TABLE/COLUMN/VIEW, ALTER ... DROP, TRUNCATE, DELETE) in the
    // revisions an upgrade from `fromHeads` to `target` would run, as "<rev>: <statement>": what
    // the GUI names before asking to go on. Reads files only, no database.
    Result<QStringList> destructiveStatements(const QStringList &fromHeads,
                                              const QString &target) const;
    // What `request` would do from the rows `fromHeads`: its revisions in order, the rows
    // before and after, the offline SQL (or why there is none) with the statements that drop
    // data. Reads files only (an Alembic project's offline mode runs its Python), no database.
    Result<MigrationPreview> preview(const MigrationRequest &request,
                                     const QStringList &fromHeads) const;
    // The offline script from the given rows to target, for "Show SQL" in the GUI.
    Result<QString> planSql(const QStringList &fromHeads, const QString &target, bool downgrade) const;

    // README "Autogenerate": the database's schema, the models' schema, and the comparison.
    Result<Schema::Database> inspectDatabase() const;
    Result<Schema::Database> inspectModels() const;
    Result<SchemaComparison> compare(const QList<Ops::ColumnRename> &renames = {}) const;
    // `revision --autogenerate`: the database must be at head; writes nothing without changes.
    Result<AutogenerateResult> autogenerate(const QString &message,
                                            const QList<Ops::ColumnRename> &renames = {},
                                            const QString &revId = {}) const;
    // The migration for a chosen subset of a comparison's operations (the GUI's pending changes
    // panel: ticked rows, drop+add pairs turned into RenameColumn). Pure; no database.
    Result<SchemaComparison> withOperations(const SchemaComparison &comparison,
                                            const Ops::OperationList &operations) const;
    // Alembic projects compare through their own Alembic and env.py (Retort's differ is not
    // run on them): the comparison, and a revision written from a chosen part of it
    // (request.autogenerate with keepOperations, renameOperations, writeEmpty). Both refuse on
    // a Retort project.
    bool comparesWithAlembic() const;
    Result<AlembicComparison> compareAlembic(const CancelToken &cancel = CancelToken()) const;
    Result<AlembicWrittenRevision> writeAlembicRevision(const NewRevision &request) const;
    // CREATE statements of one table (its indexes included) in the database's dialect, for the
    // schema diff view. Pure; no database.
    Result<QString> tableDdl(const Schema::Table &table) const;
    // Writes a revision from operations already compared and chosen (the GUI's panel).
    Result<QString> writeAutogenerated(const QString &message, const SchemaComparison &comparison,
                                       const QString &revId = {}) const;

private:
    static Result<Workspace> openAlembic(const QString &ini, const QString &urlOverride,
                                         PythonLocator::Options python,
                                         const QStringList &xArguments);
    struct GraphAndConnection
    {
        RevisionGraph graph;
        Result<std::unique_ptr<Connection>> connection;
    };
    Result<GraphAndConnection> loadGraphAndConnect() const;
    Result<DatabaseState> databaseState(const RevisionGraph &graph, Connection &connection,
                                        DatabaseState::Detail detail) const;
    // The same on a connection of its own (HeadsOnly).
    Result<DatabaseState> databaseStateOf(const RevisionGraph &graph) const;
    Result<RunReport> run(MigrationRequest request, ProgressSink &sink,
                          const CancelToken &cancel) const;
    Result<QString> offlineScript(const MigrationRequest &request,
                                  const QStringList &fromHeads) const;

    Config m_config;
    Result<DatabaseUrl> m_url;
    std::shared_ptr<const ProjectKind> m_kind;
    bool m_foreignKeyCheck = true;
};

} // namespace Retort

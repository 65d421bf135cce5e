#include "clioptions.h"

using namespace Qt::Literals::StringLiterals;

namespace Retort::Cli {

const QCommandLineOption CliOptions::help({u"h"_s, u"help"_s}, u"Show this help."_s);
const QCommandLineOption CliOptions::config({u"c"_s, u"config"_s},
                                            u"Use this retort.ini (or alembic.ini)."_s, u"FILE"_s);
const QCommandLineOption CliOptions::url(u"url"_s, u"Database URL; overrides RETORT_URL and the ini."_s,
                                         u"URL"_s);

QList<QCommandLineOption> CliOptions::global()
{
    return {help, config, url};
}

const QCommandLineOption CliOptions::json(u"json"_s, u"Print JSON (README \"JSON output\")."_s);
const QCommandLineOption CliOptions::verbose({u"v"_s, u"verbose"_s},
                                             u"Say more: each revision in full, each statement run."_s);
const QCommandLineOption CliOptions::sql(u"sql"_s, u"Print the SQL script instead of running it."_s);
const QCommandLineOption CliOptions::noForeignKeyCheck(
    u"no-foreign-key-check"_s,
    u"SQLite: commit even if rows break a foreign key (they are kept as they are)."_s);
const QCommandLineOption CliOptions::purge(u"purge"_s, u"Empty the version table first."_s);
const QCommandLineOption CliOptions::message({u"m"_s, u"message"_s}, u"The revision's message."_s,
                                             u"MSG"_s);
const QCommandLineOption CliOptions::revId(u"rev-id"_s, u"Use this id instead of a random one."_s,
                                           u"ID"_s);
const QCommandLineOption CliOptions::head(u"head"_s, u"Base it on this head (default: head)."_s,
                                          u"REV"_s);
const QCommandLineOption CliOptions::splice(u"splice"_s,
                                            u"Allow a non-head --head: start a new branch."_s);
const QCommandLineOption CliOptions::branchLabel(u"branch-label"_s,
                                                 u"Give the revision a branch label."_s, u"LABEL"_s);
const QCommandLineOption CliOptions::dependsOn(u"depends-on"_s, u"Revisions or labels it depends on."_s,
                                               u"REV"_s);
const QCommandLineOption CliOptions::autogenerate(
    u"autogenerate"_s, u"Fill it with the changes from the database to the models."_s);
const QCommandLineOption CliOptions::rename(
    u"rename"_s, u"A dropped and an added column are a rename (repeatable)."_s, u"TABLE.OLD=NEW"_s);
const QCommandLineOption CliOptions::resolveDependencies(
    u"resolve-dependencies"_s, u"Leave out heads that another revision depends on."_s);
const QCommandLineOption CliOptions::revRange({u"r"_s, u"rev-range"_s},
                                              u"Range START:END (either may be empty)."_s, u"RANGE"_s);
const QCommandLineOption CliOptions::initModels(
    u"models"_s, u"Models from an ORM instead of schema.sql: sqlalchemy:MODULE or MODULE:ATTRIBUTE."_s,
    u"SPEC"_s);
const QCommandLineOption CliOptions::models(u"models"_s,
                                            u"Show the models' schema instead of the database's."_s);
const QCommandLineOption CliOptions::singleHead(
    u"single-head"_s, u"Only check that the revision graph has one head (needs no database)."_s);

} // namespace Retort::Cli

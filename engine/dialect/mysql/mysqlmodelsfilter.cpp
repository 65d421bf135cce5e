#include "mysqlmodelsfilter.h"

#include <engine/core/enginetr.h>
#include <engine/dialect/modelsstatement.h>

using namespace Qt::Literals::StringLiterals;

namespace Retort {

namespace {

// The words that name what a CREATE, ALTER or DROP is about; the first one in the statement
// decides ("CREATE DEFINER=x FUNCTION", "CREATE OR REPLACE ALGORITHM=MERGE VIEW").
const QStringList &objectKinds()
{
    static const QStringList kinds{
        u"TABLE"_s, u"VIEW"_s, u"INDEX"_s, u"TRIGGER"_s, u"SEQUENCE"_s, u"DATABASE"_s,
        u"SCHEMA"_s, u"USER"_s, u"ROLE"_s, u"SERVER"_s, u"EVENT"_s, u"PROCEDURE"_s,
        u"FUNCTION"_s, u"TABLESPACE"_s, u"LOGFILE"_s, u"PACKAGE"_s, u"INSTANCE"_s,
        u"SYNONYM"_s};
    return kinds;
}

bool isTransactionControl(const ModelsStatement &s)
{
    const QString first = s.keyword(0);
    if (first == u"START"_s)
        return s.keyword(1) == u"TRANSACTION"_s;
    const bool bare = s.size() == 1 || (s.size() == 2 && s.keyword(1) == u"WORK"_s);
    return bare && (first == u"BEGIN"_s || first == u"COMMIT"_s || first == u"ROLLBACK"_s);
}

} // namespace

Result<MysqlModelsFilter::Action> MysqlModelsFilter::check(const Statement &statement,
                                                           const QStringList &databases,
                                                           int serverVersion)
{
    const Result<ModelsStatement> s = ModelsStatement::parse(statement, SqlDialect::MySQL,
                                                             serverVersion);
    if (!s)
        return s.error();
    // A statement of executable comments only for an older server, or transaction control:
    // the scratch database needs neither.
    if (s->size() == 0 || isTransactionControl(*s))
        return Action::Skip;
    if (Result<> r = checkKind(*s); !r)
        return r.error();
    if (Result<> r = checkNames(*s, databases); !r)
        return r.error();
    return Action::Run;
}

Result<> MysqlModelsFilter::checkKind(const ModelsStatement &s)
{
    const QString first = s.keyword(0);
    if (first == u"USE"_s) {
        return s.refusal(0, Tr::tr("USE is refused in the models: they run in a scratch "
                                    "database and must not reach any other database."));
    }
    if (first == u"SET"_s)
        return checkSet(s);
    QStringList allowed;
    if (first == u"CREATE"_s || first == u"DROP"_s)
        allowed = {u"TABLE"_s, u"VIEW"_s, u"INDEX"_s, u"TRIGGER"_s, u"SEQUENCE"_s};
    else if (first == u"ALTER"_s)
        allowed = {u"TABLE"_s, u"VIEW"_s, u"SEQUENCE"_s};
    const int kind = allowed.isEmpty() ? -1 : s.findKeyword(objectKinds(), 1);
    if (kind >= 0 && allowed.contains(s.keyword(kind))) {
        // The object's own name must be plain: "CREATE TABLE shop.users" is refused even
        // if no database "shop" exists yet.
        int name = kind + 1;
        if (s.keywordsAt(name, {u"IF"_s, u"NOT"_s, u"EXISTS"_s}))
            name += 3;
        else if (s.keywordsAt(name, {u"IF"_s, u"EXISTS"_s}))
            name += 2;
        if (!s.identifier(name).isEmpty() && s.isPunctuation(name + 1, u'.')) {
            return s.refusal(name, Tr::tr("The models qualify '%1' with the database '%2': "
                                           "they run in a scratch database, and their names "
                                           "must not be qualified with a database.")
                                        .arg(s.identifier(name + 2), s.identifier(name)));
        }
        return {};
    }
    // What the statement is about, or its first two words if it names nothing known
    // ("CREATE TABEL").
    const QString what = kind >= 0 ? first + u' ' + s.keyword(kind)
                         : first.isEmpty() ? s.tokens().first().text
                                           : QString(first + u' ' + s.keyword(1)).trimmed();
    return s.refusal(kind >= 0 ? kind : 0,
                   Tr::tr("%1 is refused in the models: they run in a scratch database and may "
                          "hold only CREATE, ALTER and DROP of tables, views, indexes, triggers "
                          "and sequences, and SET of session variables.")
                       .arg(what));
}

Result<> MysqlModelsFilter::checkSet(const ModelsStatement &s)
{
    // Each assignment's target: right after SET or after a comma outside parentheses.
    static const QStringList refused{u"GLOBAL"_s, u"PERSIST"_s, u"PERSIST_ONLY"_s,
                                     u"PASSWORD"_s, u"ROLE"_s, u"DEFAULT"_s, u"STATEMENT"_s,
                                     u"TRANSACTION"_s};
    int depth = 0;
    for (int i = 1; i < s.size(); ++i) {
        const bool target = i == 1 || (depth == 0 && s.isPunctuation(i - 1, u','));
        if (s.isPunctuation(i, u'('))
            ++depth;
        else if (s.isPunctuation(i, u')'))
            --depth;
        if (!target)
            continue;
        // @@GLOBAL.x and @@PERSIST.x; @@x and @@SESSION.x are the session's own.
        const bool system = s.isPunctuation(i, u'@') && s.isPunctuation(i + 1, u'@');
        const QString word = s.keyword(system ? i + 2 : i);
        const bool global = word == u"GLOBAL"_s || word.startsWith(u"PERSIST"_s);
        if (system ? global : refused.contains(word)) {
            return s.refusal(i, Tr::tr("SET %1 is refused in the models: they run in a "
                                        "scratch database and may set session variables only.")
                                     .arg(word));
        }
    }
    return {};
}

Result<> MysqlModelsFilter::checkNames(const ModelsStatement &s, const QStringList &databases)
{
    // "a.b" is a database and a table, or a table and a column: only the names of existing
    // databases tell them apart, and only those could be reached.
    for (const int q : s.qualifiers()) {
        const QString name = s.identifier(q);
        if (!databases.contains(name, Qt::CaseInsensitive))
            continue;
        return s.refusal(q, Tr::tr("The models name the database '%1': they run in a scratch "
                                    "database, and their names must not be qualified with a "
                                    "database.")
                                 .arg(name));
    }
    return {};
}

} // namespace Retort
